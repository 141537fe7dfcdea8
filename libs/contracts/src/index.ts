export * from './streams';
export * from './subjects';
export * from './alert.event';
export * from './error-body';
export * from './roles';
export * from './telephony/call-summarized.event';
export * from './scoring/policy-activated.event';
