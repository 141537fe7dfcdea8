import 'reflect-metadata';
import { runService } from '@app/platform';
import { SCORING_SERVICE } from './scoring.service';

void runService(SCORING_SERVICE);
