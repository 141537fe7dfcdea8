import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (a port: tests answer names without any DNS traffic). */
export abstract class HostResolver {
  abstract resolve(host: string): Promise<ResolvedAddress[]>;
}

/** The system resolver (hosts file, then DNS), every address in the order the system gives them. */
@Injectable()
export class SystemHostResolver extends HostResolver {
  async resolve(host: string): Promise<ResolvedAddress[]> {
    const all = await lookup(host, { all: true, verbatim: true });
    return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}
