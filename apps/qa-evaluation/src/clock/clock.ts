import { Injectable } from '@nestjs/common';

/** The time rules are judged at (windows, deadlines); a provider so tests can stand on a given day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
