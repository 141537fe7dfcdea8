// The scoring function lives in libs/contracts so the console's live score is this very function,
// not a copy that could drift (issue 18 item 5).
export { scoreForm, type FormScore, type ItemResult, type SectionResult } from '@app/contracts/qa/score-form';
