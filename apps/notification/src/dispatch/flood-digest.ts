import { Injectable } from '@nestjs/common';
import { digestAlert } from '../domain/alerts/flood';
import { AlertLog } from '../store/alert-log.store';
import { FloodGroupStore, type FloodGroup } from '../store/flood-group.store';
import { AlertDispatcher } from './alert-dispatcher';

/** Closes a flood window: the alerts it held leave as one digest with their count (none held: nothing sent). */
@Injectable()
export class FloodDigest {
  constructor(
    private readonly floods: FloodGroupStore,
    private readonly alerts: AlertLog,
    private readonly dispatcher: AlertDispatcher,
  ) {}

  /** Inside the caller's transaction, with the group locked. */
  async flush(group: FloodGroup): Promise<void> {
    if (group.held.length > 0) {
      const digest = digestAlert(group.groupId, group.held, group.openedAt, new Date(group.windowEndsAt).toISOString());
      if ((await this.alerts.claim(digest, 'digest')).claimed) await this.dispatcher.dispatch(digest);
    }
    await this.floods.close(group.groupId);
  }
}
