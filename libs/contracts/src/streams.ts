/**
 * The JetStream streams of the product: one per producing service (architecture.md), plus the
 * dead-letter stream where a message ends after its consumer gave up on it.
 */
export interface StreamDefinition {
  name: string;
  subjects: string[];
}

export const STREAMS = {
  TELEPHONY: { name: 'TELEPHONY', subjects: ['telephony.>'] },
  QA: { name: 'QA', subjects: ['qa.>'] },
  ATTENDANCE: { name: 'ATTENDANCE', subjects: ['attendance.>'] },
  SCORING: { name: 'SCORING', subjects: ['scoring.>'] },
  ALERTS: { name: 'ALERTS', subjects: ['alerts.>'] },
  NOTIFICATION: { name: 'NOTIFICATION', subjects: ['notification.>'] },
  DEADLETTER: { name: 'DEADLETTER', subjects: ['deadletter.>'] },
} as const satisfies Record<string, StreamDefinition>;

export const ALL_STREAMS: StreamDefinition[] = Object.values(STREAMS).map((s) => ({
  name: s.name,
  subjects: [...s.subjects],
}));
