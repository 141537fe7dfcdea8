import 'reflect-metadata';
import { runService } from '@app/platform';
import { TELEPHONY_SERVICE } from './telephony-events.service';

void runService(TELEPHONY_SERVICE);
