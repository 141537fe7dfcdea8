import 'reflect-metadata';
import { runService } from '@app/platform';
import { loadAttendanceSettings } from './attendance-settings';
import { attendanceService } from './attendance.service';

void runService('attendance', () => attendanceService(loadAttendanceSettings()));
