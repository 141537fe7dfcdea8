/**
 * Agent id from a queue_log agent field: the member's device or name.
 * `SIP/1001`, `PJSIP/1001`, `Agent/1001`, `Local/1001@from-queue/n` → '1001'; a plain name stays as is.
 */
export function defaultAgentId(agentField: string): string {
  const slash = agentField.indexOf('/');
  if (slash < 0) return agentField;
  let end = agentField.length;
  const at = agentField.indexOf('@', slash + 1);
  if (at >= 0) end = at;
  const next = agentField.indexOf('/', slash + 1);
  if (next >= 0 && next < end) end = next;
  return agentField.slice(slash + 1, end);
}
