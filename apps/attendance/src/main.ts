import 'reflect-metadata';
import { runService } from '@app/platform';
import { ATTENDANCE_SERVICE } from './attendance.service';

void runService(ATTENDANCE_SERVICE);
