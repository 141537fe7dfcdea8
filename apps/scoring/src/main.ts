import 'reflect-metadata';
import { runService } from '@app/platform';
import { loadScoringSettings } from './scoring-settings';
import { scoringService } from './scoring.service';

void runService('scoring', () => scoringService(loadScoringSettings()));
