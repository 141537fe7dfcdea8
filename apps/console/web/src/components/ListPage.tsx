import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import type { GetPath, ItemOf, RequestOptions, ResponseOf, Service } from '../api/client';
import type { ApiPaths } from '../api/generated/openapi';
import { useApiList, type ApiList } from '../api/hooks';
import { formatInstant, formatScore, formatYuan } from '../format/format';
import { codeLabel } from '../i18n/code-label';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { ErrorAlert } from './ErrorAlert';

export interface Column<T> {
  key: string;
  label: MessageKey;
  kind?: 'text' | 'instant' | 'yuan' | 'score' | 'tag' | 'bool' | 'json';
  /** For tags: the message prefix of the value's label (`status`, `kind`, …). */
  prefix?: string;
  render?(row: T): ReactNode;
}

type Row = Record<string, unknown>;

export function valueAt(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Row)[k] : undefined), row);
}

interface TableProps<T> {
  columns: Array<Column<T>>;
  rowKey: string;
  actions?(row: T): ReactNode;
  testId?: string;
  /** Rows to keep, where the service has no such filter of its own. */
  filter?(row: T): boolean;
  /** The order rows arrive in before anyone sorts a column, where the service's own order is not the reader's. */
  order?(a: T, b: T): number;
}

interface SourceProps<S extends Service, P> {
  service: S;
  path: P | null;
  query?: RequestOptions['query'];
  refetchInterval?: number;
}

/** A row with no readable field: `never` would let any field be read without complaint. */
type Undeclared = { 'the service declares no item for this list: name the row type': never };
/**
 * The item a service's document declares for `GET path`; `Undeclared` where it declares none or only an open
 * object (`Record<string, unknown>`), so such a table must name its row.
 */
type DeclaredRow<S extends Service, P extends string> =
  ItemOf<ResponseOf<S, 'get', P>> extends infer I ? (I extends Row ? (string extends keyof I ? Undeclared : I) : Undeclared) : Undeclared;

/**
 * A sortable table of what a service lists, a page at a time, with loading, empty and error states and "load more".
 * Without a type argument the row is the list item the service documents for `path`.
 */
export function DataTable<S extends Service, P extends ApiPaths[S]['get']>(props: TableProps<DeclaredRow<S, P>> & SourceProps<S, P>): ReactElement;
// The default makes a table whose row cannot be inferred fail the type check instead of reading `Row`.
export function DataTable<T extends Row = Undeclared>(props: TableProps<T> & SourceProps<Service, GetPath>): ReactElement;
export function DataTable<T extends Row>({ service, path, query, refetchInterval, ...table }: TableProps<T> & SourceProps<Service, GetPath>): ReactElement {
  const list = useApiList<T>(service, path, query, { refetchInterval });
  return <ListTable<T> list={list} {...table} />;
}

/**
 * The table of a list a page already reads (when it also shows the list's context fields, e.g. a total): the rows
 * loaded so far, sortable, and a "load more / 加载更多" button while the service names a next page.
 */
export function ListTable<T extends Row>({ list, columns, rowKey, actions, testId, filter, order }: TableProps<T> & { list: ApiList<T> }) {
  const { t, lang, tm } = useI18n();
  const kept = list.items.filter((r) => !filter || filter(r));
  const rows = order ? [...kept].sort(order) : kept;
  const show = (c: Column<T>, row: T): ReactNode => {
    if (c.render) return c.render(row);
    const v = valueAt(row, c.key);
    if (v === undefined || v === null || v === '') return '—';
    switch (c.kind) {
      case 'instant': return formatInstant(String(v), lang);
      case 'yuan': return typeof v === 'number' ? formatYuan(v, lang) : String(v);
      case 'score': return typeof v === 'number' ? formatScore(v) : String(v);
      case 'tag': return <Tag>{codeLabel(lang, c.prefix ?? 'status', String(v))}</Tag>;
      case 'bool': return v ? t('answer.yes') : t('answer.no');
      case 'json': return <code style={{ fontSize: 12 }}>{JSON.stringify(v)}</code>;
      default: return typeof v === 'string' ? tm(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  };
  return (
    <>
      {list.error && <ErrorAlert error={list.error} />}
      <Table<T>
        data-testid={testId}
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        rowKey={(r) => String(valueAt(r, rowKey) ?? JSON.stringify(r))}
        locale={{ emptyText: t('state.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          ...columns.map((c) => ({
            key: c.key,
            title: t(c.label),
            render: (_: unknown, row: T) => show(c, row),
            sorter: c.render ? undefined : (a: T, b: T) => compare(valueAt(a, c.key), valueAt(b, c.key)),
          })),
          ...(actions ? [{ key: '_actions', title: t('field.actions'), render: (_: unknown, row: T) => actions(row) }] : []),
        ]}
      />
      <LoadMore list={list} testId={testId ? `${testId}-more` : undefined} />
    </>
  );
}

/** "Load more / 加载更多" under a list while the service names a next page; sorting and filters apply to what is loaded. */
export function LoadMore({ list, testId = 'load-more' }: { list: Pick<ApiList<unknown>, 'hasMore' | 'loadMore' | 'isFetchingMore' | 'items'>; testId?: string }) {
  const { t } = useI18n();
  if (!list.hasMore) return null;
  return (
    <Space style={{ marginTop: 8 }}>
      <Button data-testid={testId} loading={list.isFetchingMore} onClick={list.loadMore}>{t('action.loadMore')}</Button>
      <Typography.Text type="secondary">{t('list.loaded', { n: list.items.length })}</Typography.Text>
    </Space>
  );
}

export function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

export function PageTitle({ title, extra }: { title: MessageKey; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>{t(title)}</Typography.Title>
      {extra}
    </Space>
  );
}

export function Section({ title, children, extra }: { title: MessageKey; children: ReactNode; extra?: ReactNode }) {
  const { t } = useI18n();
  return <Card size="small" title={t(title)} extra={extra} style={{ marginBottom: 16 }}>{children}</Card>;
}
