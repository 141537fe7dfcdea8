import 'reflect-metadata';
import { loadServiceEnvironment, runService } from '@app/platform';
import { telephonyService } from './telephony-events.service';
import { TelephonyEnvironment, telephonySettings } from './telephony-settings';

// Its own settings (RECORDINGS_DIR) are validated with the shared ones: a bad one stops the start, named.
void runService('telephony-events', () => telephonyService(telephonySettings(loadServiceEnvironment(TelephonyEnvironment))));
