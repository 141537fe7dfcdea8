import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { ActionForm } from '../../components/ActionForm';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { periodOf } from '../../format/format';

const LEAVE_TYPES = ['annual', 'sick', 'personal'] as const;

/** My roster, and my leave and swap requests (a refused swap shows the rule that refuses it). */
export function MySchedulePage() {
  const { session } = useAuth();
  const me = session?.user.agentId ?? '';
  const [period, setPeriod] = useState(periodOf(new Date()));
  return (
    <>
      <PageTitle title="page.mySchedule" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Section title="schedule.roster">
        <DataTable
          service="attendance"
          path="/v1/rosters"
          query={{ period, agentId: me }}
          rowKey="date"
          columns={[
            { key: 'date', label: 'field.date' },
            { key: 'shift', label: 'field.shift', kind: 'tag', prefix: 'shift' },
          ]}
        />
      </Section>
      <Section title="schedule.requestLeave">
        <ActionForm
          service="attendance"
          path={() => '/v1/leave'}
          toBody={(v) => ({ agentId: me, ...v })}
          fields={[
            { name: 'type', label: 'field.leaveType', type: 'select', required: true, options: LEAVE_TYPES.map((l) => ({ value: l, label: `leave.${l}` as const })) },
            { name: 'from', label: 'field.from', type: 'date', required: true },
            { name: 'to', label: 'field.to', type: 'date', required: true },
          ]}
          submit="action.request"
        />
      </Section>
      <Section title="schedule.requestSwap">
        <SwapRequestForm requesterId={me} />
      </Section>
      <Section title="schedule.myRequests">
        <DataTable service="attendance" path="/v1/leave" query={{ period, agentId: me }} rowKey="leaveId"
          columns={[
            { key: 'type', label: 'field.leaveType', kind: 'tag', prefix: 'leave' },
            { key: 'from', label: 'field.from' },
            { key: 'to', label: 'field.to' },
            { key: 'status', label: 'field.status', kind: 'tag' },
          ]} />
        <DataTable service="attendance" path="/v1/shift-swaps" query={{ agentId: me }} rowKey="swapId"
          columns={[
            { key: 'requesterId', label: 'field.requester' },
            { key: 'counterpartId', label: 'field.counterpart' },
            { key: 'date', label: 'field.swapDate' },
            { key: 'paybackDate', label: 'field.paybackDate' },
            { key: 'status', label: 'field.status', kind: 'tag' },
          ]} />
      </Section>
    </>
  );
}

export function SwapRequestForm({ requesterId }: { requesterId?: string }) {
  return (
    <ActionForm
      testId="swap-form"
      service="attendance"
      path={() => '/v1/shift-swaps'}
      toBody={(v) => ({ ...(requesterId ? { requesterId } : {}), ...v })}
      fields={[
        ...(requesterId ? [] : [{ name: 'requesterId', label: 'field.requester' as const, type: 'agent' as const, required: true }]),
        // An agent may not list the agents: they type the colleague's id.
        { name: 'counterpartId', label: 'field.counterpart', type: requesterId ? 'text' : 'agent', required: true },
        { name: 'date', label: 'field.swapDate', type: 'date', required: true },
        { name: 'paybackDate', label: 'field.paybackDate', type: 'date', required: true },
      ]}
      submit="action.request"
    />
  );
}
