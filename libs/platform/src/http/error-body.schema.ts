import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { ErrorBody, ErrorDetail } from '@app/contracts';

/** contracts.md § Errors as an OpenAPI schema: every service's document holds it as `#/components/schemas/ErrorBody`. */
@ApiSchema({ name: 'ErrorDetail' })
export class ErrorDetailSchema implements ErrorDetail {
  @ApiProperty({ example: 'events[3].agentId', description: 'Where the problem is: a property path, `body`, or a query parameter' })
  path: string;

  @ApiProperty({ example: 'agentId must be a string / agentId 必须是字符串' })
  message: string;
}

@ApiSchema({ name: 'ErrorBody' })
export class ErrorBodySchema implements ErrorBody {
  @ApiProperty({ example: 'REQUEST.VALIDATION_FAILED', description: 'Stable code clients key on' })
  error: string;

  @ApiProperty({ example: 'The request is not valid / 请求无效' })
  message: string;

  @ApiProperty({ type: [ErrorDetailSchema] })
  details: ErrorDetailSchema[];
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the details name each bad field / 请求无效',
  401: 'No valid bearer token / 未认证',
  403: 'The token has no role that may do this / 无权限',
  404: 'Not found / 未找到',
  409: 'Conflicts with the current state / 状态冲突',
  413: 'Body too large / 请求体过大',
  422: 'A rule refused it / 业务规则拒绝',
};

/** Documents the given 4xx answers of a route (or controller) with the shared ErrorBody schema. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBodySchema),
    ...statuses.map((status) =>
      ApiResponse({ status, description: DEFAULT_DESCRIPTIONS[status] ?? `Error ${status}`, schema: { $ref: getSchemaPath(ErrorBodySchema) } }),
    ),
  );
}
