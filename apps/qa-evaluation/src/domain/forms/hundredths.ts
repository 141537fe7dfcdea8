// Moved to libs/contracts with the scoring function it serves (the console scores in the browser too).
export * from '@app/contracts/qa/hundredths';
