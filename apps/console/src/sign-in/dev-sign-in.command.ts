import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { HUMAN_ROLES, type HumanRole } from './person';

/** POST /auth/dev/sign-in: who to sign in as, and with which role (development only). */
export class DevSignInCommand {
  @ApiProperty({ maxLength: 100, description: 'A person from GET /auth/dev/people (surrounding blanks ignored)', example: 'S01' })
  @IsString() @Matches(/\S/, { message: 'personId: required / 必填' }) @MaxLength(100)
  personId!: string;

  @ApiProperty({ enum: HUMAN_ROLES, example: 'supervisor' })
  @IsIn(HUMAN_ROLES, { message: `role: one of ${HUMAN_ROLES.join(', ')} / 角色无效` })
  role!: HumanRole;
}
