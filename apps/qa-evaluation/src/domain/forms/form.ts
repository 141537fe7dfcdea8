// The form types moved to libs/contracts so the console's live score shares them; kept here so the
// service's imports stay where they were.
export * from '@app/contracts/qa/form';
