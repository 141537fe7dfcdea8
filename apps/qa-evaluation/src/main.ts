import 'reflect-metadata';
import { runService } from '@app/platform';
import { QA_SERVICE } from './qa-evaluation.service';

void runService(QA_SERVICE);
