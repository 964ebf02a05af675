'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Input, Space, Table, Typography, type FormInstance, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { ResolverDef, TRPCInfiniteQueryOptions } from '@trpc/tanstack-react-query';
import { TRPCClientError } from '@trpc/client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { routeError } from '@/app/_components/route-error';
import { applyServerErrors } from '@/app/_components/use-form-errors';

/**
 * Pieces every keyset list of the console shares: the list state (filters, search box, server-side
 * sort from the table header), the filter bar, the keyset query and its table with the "加载更多"
 * footer, the export menu, the empty state, and the two ends of a mutation (success: a message and
 * a reload; failure: field errors beside the fields, a stale version as "refresh and retry").
 *
 *   const state = useListState<Filters, Sort>(DEFAULT_SORT);
 *   const list = useKeysetList(trpc.x.list, { ...state.query, limit: PAGE_SIZE });
 *   <ListToolbar state={state} searchPlaceholder={…}>{the list's filters}</ListToolbar>
 *   <KeysetTable<Row> list={list} state={state} empty={{ … }} columns={[…]} />
 */
export type SortDir = 'asc' | 'desc';
// a type alias, not an interface: an interface has no implicit index signature, and `state.query`
// (filters and sort) must fit ExportMenu's params
export type SortState<K extends string> = {
  sort: K;
  dir: SortDir;
};

/** The header arrow of a column. */
export function sortOrderOf<K extends string>(state: SortState<K>, key: K): 'ascend' | 'descend' | null {
  return state.sort === key ? (state.dir === 'asc' ? 'ascend' : 'descend') : null;
}

/** Table onChange sorter → the list input's sort and dir (clearing the sort goes back to the default). */
export function sortFromTable<K extends string, T>(sorter: SorterResult<T> | SorterResult<T>[], fallback: SortState<K>): SortState<K> {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || !s.columnKey) return fallback;
  return { sort: String(s.columnKey) as K, dir: s.order === 'descend' ? 'desc' : 'asc' };
}

/** Drops empty filter values, so that the query key and the export URL only carry what is set. */
export function compact<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/**
 * The state every filtered, sorted keyset list keeps: filters (with the search text `q`), the text
 * typed in the search box, the sort from the table header, and what "clear filters" resets.
 */
export function useListState<F extends { q?: string }, K extends string>(defaultSort: SortState<K>) {
  const [filters, setFilters] = useState<F>({} as F);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState(defaultSort);
  const active = compact(filters);
  return {
    filters,
    sort,
    /** Only the filters that are set: for the query input and the export link. */
    active,
    /** The filters that are set and the sort: the list input (without limit and cursor) and the export link's parameters. */
    query: { ...active, ...sort },
    filtered: Object.keys(active).length > 0,
    setFilter: <Key extends keyof F>(key: Key, value: F[Key]) => setFilters((f) => ({ ...f, [key]: value })),
    clear: () => {
      setFilters({} as F);
      setSearch('');
    },
    /** Props for <SearchBox>: the search runs on Enter, and clearing the box clears the filter. */
    search: {
      value: search,
      onChange: (v: string) => {
        setSearch(v);
        if (!v) setFilters((f) => ({ ...f, q: undefined }));
      },
      onSearch: (v: string) => setFilters((f) => ({ ...f, q: v.trim() || undefined })),
    },
    /** Table onChange: the header's sort arrow becomes the list input's sort. */
    onTableChange: <T,>(_p: unknown, _f: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => setSort(sortFromTable(sorter, defaultSort)),
  };
}

export type ListState<F extends { q?: string }, K extends string> = ReturnType<typeof useListState<F, K>>;
/** The part of a list's state that does not depend on its filters and sort keys. */
type AnyListState = Pick<ListState<{ q?: string }, string>, 'search' | 'filtered' | 'clear' | 'onTableChange'>;

/** The search box of a list (labelled for screen readers and tests). */
export function SearchBox({ placeholder, value, onChange, onSearch }: { placeholder: string; value: string; onChange: (v: string) => void; onSearch: (v: string) => void }) {
  const tc = useTranslations('common');
  return (
    <Input.Search
      aria-label={tc('search')}
      placeholder={placeholder}
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={onSearch}
      style={{ width: 280 }}
    />
  );
}

/**
 * The filter bar above a list: the search box, the list's own filters (`children`), and "重置" while
 * any filter is set (`reset={false}` leaves that to the empty state's "清除筛选").
 */
export function ListToolbar({ state, searchPlaceholder, reset = true, children }: {
  state: AnyListState;
  searchPlaceholder: string;
  reset?: boolean;
  children?: React.ReactNode;
}) {
  const tc = useTranslations('common');
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <SearchBox placeholder={searchPlaceholder} {...state.search} />
      {children}
      {reset && state.filtered && <Button type="link" onClick={state.clear}>{tc('reset')}</Button>}
    </Space>
  );
}

/** The rows of every page loaded so far of a keyset list. */
function useKeysetRows<T>(data: { pages: { items: T[] }[] } | undefined): T[] {
  return useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
}

/** What a keyset list procedure answers: one page of rows, and the cursor of the next (null at the end). */
interface KeysetPage {
  items: unknown[];
  nextCursor: unknown;
}
type KeysetDef = ResolverDef & { output: KeysetPage };

/**
 * A keyset list procedure (e.g. `trpc.admin.org.list`) read page by page for <KeysetTable>: each
 * page asks from the previous page's `nextCursor`, and the rows shown stay while a new filter or
 * sort loads. `input` is the first page's input (no cursor).
 */
export function useKeysetList<TDef extends KeysetDef>(procedure: { infiniteQueryOptions: TRPCInfiniteQueryOptions<TDef> }, input: TDef['input']) {
  return useInfiniteQuery({
    ...procedure.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
    placeholderData: keepPreviousData,
  });
}

/** What a keyset list's table needs of `useInfiniteQuery`. */
export interface KeysetQuery<T> {
  data?: { pages: { items: T[] }[] };
  isLoading: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The table of a keyset list: every page loaded so far, sorting through the server (the header's
 * arrows set the list state's sort), the empty state (which says whether the state's filters hide
 * rows, and clears them), and "加载更多" below.
 */
export function KeysetTable<T extends { id: string }>({ list, state, empty, columns }: {
  list: KeysetQuery<T>;
  state: AnyListState;
  empty: Omit<React.ComponentProps<typeof ListEmpty>, 'filtered' | 'onClear'>;
  columns: TableProps<T>['columns'];
}) {
  const rows = useKeysetRows(list.data);
  return (
    <>
      <Table<T>
        rowKey="id"
        size="middle"
        loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={state.onTableChange}
        locale={{ emptyText: <ListEmpty filtered={state.filtered} onClear={state.clear} {...empty} /> }}
        columns={columns}
      />
      <LoadMore count={rows.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
    </>
  );
}

export function LoadMore({ count, hasNextPage, isFetchingNextPage, fetchNextPage }: {
  count: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const t = useTranslations('common.list');
  const tc = useTranslations('common');
  if (count === 0) return null;
  return (
    <Space style={{ width: '100%', justifyContent: 'center', marginTop: 16 }} orientation="vertical" align="center" size={4}>
      {hasNextPage ? (
        <Button onClick={() => fetchNextPage()} loading={isFetchingNextPage}>{tc('loadMore')}</Button>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hasNextPage ? t('shown', { n: count }) : t('allShown', { n: count })}
      </Typography.Text>
    </Space>
  );
}

/**
 * Export of the current filter and sort. The file is fetched in the page so that a large export
 * shows "正在生成…" until it arrives (and a refusal is shown, not downloaded), then saved.
 */
export function ExportMenu({ path, params }: { path: string; params: Record<string, string | number | boolean | undefined | null> }) {
  const t = useTranslations('common.list');
  const tc = useTranslations('common');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const href = (format: 'xlsx' | 'csv') => {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(compact(params))) q.set(k, String(v));
    return `${path}?${q.toString()}`;
  };
  const download = async (format: 'xlsx' | 'csv') => {
    const key = `export-${path}`;
    setBusy(true);
    message.open({ key, type: 'loading', content: t('exporting'), duration: 0 });
    try {
      const res = await fetch(href(format));
      if (!res.ok) throw new Error(await routeError(res));
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `export.${format}`);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.open({ key, type: 'success', content: t('exported', { name }), duration: 3 });
    } catch (err) {
      message.open({ key, type: 'error', content: err instanceof Error && err.message ? err.message : t('networkError'), duration: 5 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        onClick: ({ key }) => {
          if (key === 'xlsx' || key === 'csv') void download(key);
        },
        items: [
          { key: 'xlsx', label: t('exportXlsx') },
          { key: 'csv', label: t('exportCsv') },
          { type: 'divider' },
          { key: 'hint', disabled: true, label: <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 260, display: 'inline-block', whiteSpace: 'normal' }}>{t('exportHint')}</Typography.Text> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>{tc('export')}</Button>
    </Dropdown>
  );
}

/** The table's empty state: says whether filters hide rows, and offers the next step. */
export function ListEmpty({ filtered, filteredText, emptyText, hint, onClear, action }: {
  filtered: boolean;
  filteredText: string;
  emptyText: string;
  hint?: string;
  onClear: () => void;
  action?: React.ReactNode;
}) {
  const t = useTranslations('common.list');
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Space orientation="vertical" size={2}>
          <span>{filtered ? filteredText : emptyText}</span>
          {!filtered && hint ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text> : null}
        </Space>
      }
    >
      {filtered ? <Button onClick={onClear}>{t('clearFilters')}</Button> : action}
    </Empty>
  );
}

/**
 * What to do with a failed mutation: field errors go beside the fields of `form`; a stale version
 * (CONFLICT without a field) asks the user to refresh, and refreshing reloads `queryKey`;
 * anything else is a message.
 */
export function useMutationError(queryKey: readonly unknown[]) {
  const t = useTranslations('common.list');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const rest = form ? applyServerErrors(form, err) : err instanceof TRPCClientError ? err.message : t('networkError');
      if (rest === null) return;
      const data = err instanceof TRPCClientError ? (err.data as { code?: string; fieldErrors?: Record<string, string[]> } | undefined) : undefined;
      // a duplicate is a CONFLICT too, but names its field: that one is not cured by refreshing
      if (data?.code === 'CONFLICT' && !data.fieldErrors) {
        modal.warning({
          title: t('conflictTitle'),
          content: t('conflictBody'),
          okText: t('refreshNow'),
          onOk: () => qc.invalidateQueries({ queryKey }),
        });
        return;
      }
      message.error(rest);
    },
    [message, modal, qc, queryKey, t],
  );
}

/**
 * The two ends of a mutation that changes what `queryKey` lists: `done(text)` on success shows the
 * text, reloads `queryKey` and then calls `onDone` (e.g. closes the dialog); `onError` hands the
 * failure to useMutationError, with the errors of `form`'s fields beside them.
 */
export function useMutationFeedback(queryKey: readonly unknown[], { form, onDone }: { form?: FormInstance; onDone?: () => void } = {}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useMutationError(queryKey);
  return {
    done: async (text: string) => {
      message.success(text);
      await qc.invalidateQueries({ queryKey });
      onDone?.();
    },
    onError: (err: unknown) => onError(err, form),
  };
}

/** A random initial password meeting every class (upper, lower, digit, symbol), from the browser's CSPRNG. */
export function randomPassword(length = 14): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#$%&*+-=?@'];
  const all = sets.join('');
  const bytes = new Uint32Array(length + sets.length);
  crypto.getRandomValues(bytes);
  const chars = sets.map((s, i) => s[bytes[i] % s.length]);
  for (let i = sets.length; i < length; i++) chars.push(all[bytes[i] % all.length]);
  // shuffle so that the guaranteed classes are not always first
  for (let i = chars.length - 1; i > 0; i--) {
    const j = bytes[(i + length) % bytes.length] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
