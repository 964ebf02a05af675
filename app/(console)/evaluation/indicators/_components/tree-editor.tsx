'use client';

import {
  ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, ImportOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined, SendOutlined, SubnodeOutlined,
} from '@ant-design/icons';
import {
  Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Tooltip, Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { ToneTag } from '@/app/_components/tone-tag';
import { DEFAULT_MAX_SCORE, depthsOf, FACT_KEYS, MAX_DEPTH, preorder, round2, type GradeBands, type RubricLevel } from '@/server/domain/evaluation';
import type { NodeInput } from '@/server/routers/evaluation/indicator-schema';
import { useTRPC } from '@/server/trpc/react';
import type { VersionTree } from './defaults';
import { ImportDialog } from './import-dialog';
import { FactLabel, rangeText } from './parts';

/** A node in the editor: the saved shape plus a key that survives renaming its code. */
type EditNode = NodeInput & { key: string };
type Errors = Record<string, string[]>;

let keySeq = 0;
const newKey = () => `n${++keySeq}`;

/** A new leaf's rubric, as a starting point to adjust: four levels over its maximum score. */
export function defaultRubric(max: number): RubricLevel[] {
  const p = (x: number) => round2(max * x);
  return [
    { label: '优', min: p(0.9), max, guidance: '' },
    { label: '良', min: p(0.75), max: p(0.9), guidance: '' },
    { label: '中', min: p(0.6), max: p(0.75), guidance: '' },
    { label: '差', min: 0, max: p(0.6), guidance: '' },
  ];
}

const sum = (xs: readonly { weight: number }[]) => round2(xs.reduce((s, x) => s + (Number.isFinite(x.weight) ? x.weight : 0), 0));

/** The next free code under a parent: D1, D2… for dimensions, <parent>.1, <parent>.2… below. */
function nextCode(nodes: readonly EditNode[], parentCode: string | null): string {
  const taken = new Set(nodes.map((n) => n.code));
  for (let i = 1; ; i++) {
    const c = parentCode === null ? `D${i}` : `${parentCode}.${i}`;
    if (!taken.has(c)) return c;
  }
}

/** The errors of one node, by field (from the server's `nodes.<code>.<field>` keys). */
function errorsOf(errors: Errors, code: string): Record<string, string[]> {
  const prefix = `nodes.${code}.`;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function FieldErrors({ messages, testId }: { messages?: string[]; testId?: string }) {
  if (!messages?.length) return null;
  return (
    <div role="alert" data-testid={testId} style={{ color: '#a8071a', fontSize: 12, marginTop: 2, whiteSpace: 'normal', maxWidth: 360 }}>
      {messages.join(';')}
    </div>
  );
}

/** A sibling group's weight sum: green at 100, red otherwise. */
function WeightSum({ total, label, testId }: { total: number; label: string; testId?: string }) {
  const ok = Math.abs(total - 100) < 0.005;
  return <ToneTag tone={ok ? 'green' : 'red'} data-testid={testId}>{label} {total}{ok ? '' : ' / 100'}</ToneTag>;
}

/**
 * The draft editor (HN-22 ¶1: 建立健全评价指标体系): the tree in reading order with add child / add
 * sibling / move / delete, name and weight inline and the rest in a side drawer, the weight sum of
 * every sibling group live, the grade bands; 保存 replaces the draft as a whole and shows each error
 * of the server beside its node and field; 发布 freezes it; 导入 replaces it from an xlsx.
 */
export function DraftEditor({ tree }: { tree: VersionTree }) {
  const t = useTranslations('indicators.editor');
  const tn = useTranslations('indicators.node');
  const tb = useTranslations('indicators.bands');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const onError = useMutationError(trpc.indicator.pathKey());
  const [nodes, setNodes] = useState<EditNode[]>(() => tree.nodes.map((n) => ({
    key: newKey(), code: n.code, parentCode: n.parentCode, name: n.name, weight: n.weight, maxScore: n.maxScore, rubric: n.rubric,
    evidence: n.evidence, article: n.article, vetoBelow: n.vetoBelow, factKey: n.factKey,
  })));
  const [bands, setBands] = useState<GradeBands>(tree.version.gradeBands);
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'publish' | 'import' | null>(null);
  const id = tree.version.id;
  const ordered = useMemo(() => preorder(nodes), [nodes]);
  const depths = useMemo(() => depthsOf(nodes), [nodes]);
  const parents = useMemo(() => new Set(nodes.map((n) => n.parentCode)), [nodes]);
  const siblingsOf = (parentCode: string | null) => nodes.filter((n) => n.parentCode === parentCode);

  const change = (next: EditNode[]) => {
    setNodes(next);
    setDirty(true);
  };
  const patch = (key: string, p: Partial<EditNode>) => {
    const old = nodes.find((n) => n.key === key);
    if (!old) return;
    // renaming a code carries its children along
    const renamed = p.code !== undefined && p.code !== old.code ? { from: old.code, to: p.code } : null;
    change(nodes.map((n) => (n.key === key ? { ...n, ...p } : renamed && n.parentCode === renamed.from ? { ...n, parentCode: renamed.to } : n)));
  };
  const add = (parentCode: string | null, after?: EditNode) => {
    const code = nextCode(nodes, parentCode);
    const node: EditNode = {
      key: newKey(), code, parentCode, name: '', weight: Math.max(0, round2(100 - sum(siblingsOf(parentCode)))),
      maxScore: DEFAULT_MAX_SCORE, rubric: defaultRubric(DEFAULT_MAX_SCORE), evidence: null, article: null, vetoBelow: null, factKey: null,
    };
    const next = [...nodes];
    const at = after ? next.indexOf(after) + 1 : next.length;
    next.splice(at, 0, node);
    change(next);
    return node;
  };
  const move = (n: EditNode, dir: -1 | 1) => {
    const sibs = siblingsOf(n.parentCode);
    const other = sibs[sibs.indexOf(n) + dir];
    if (!other) return;
    const next = [...nodes];
    const i = next.indexOf(n);
    const j = next.indexOf(other);
    [next[i], next[j]] = [next[j], next[i]];
    change(next);
  };
  const remove = (n: EditNode) => {
    const gone = new Set([n.code]);
    // descendants: walk down until nothing new
    for (let grew = true; grew;) {
      grew = false;
      for (const x of nodes) if (x.parentCode !== null && gone.has(x.parentCode) && !gone.has(x.code)) { gone.add(x.code); grew = true; }
    }
    modal.confirm({
      title: t('deleteTitle', { name: n.name || n.code }),
      content: gone.size > 1 ? t('deleteWithChildren', { n: gone.size - 1 }) : t('deleteConfirm'),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () => change(nodes.filter((x) => !gone.has(x.code))),
    });
  };

  const save = useMutation(trpc.indicator.saveDraft.mutationOptions({
    // the reload remounts the editor on the saved draft (its key is the draft's version), so the
    // next step (publish, import) starts from what the server holds; until then, those stay disabled
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: trpc.indicator.pathKey() });
      setErrors({});
      setDirty(false);
      message.success(t('saved'));
    },
    onError: (err) => {
      const fieldErrors = err instanceof TRPCClientError ? (err.data as { fieldErrors?: Errors } | undefined)?.fieldErrors : undefined;
      if (fieldErrors && Object.keys(fieldErrors).length) {
        setErrors(fieldErrors);
        message.error(err.message);
        return;
      }
      onError(err);
    },
  }));
  const doSave = () => save.mutate({ id, version: tree.version.version, gradeBands: bands, nodes: ordered.map(({ key: _k, ...n }) => n) });
  const discard = useMutation(trpc.indicator.discardDraft.mutationOptions({
    onSuccess: async () => {
      message.success(t('discarded'));
      await qc.invalidateQueries({ queryKey: trpc.indicator.pathKey() });
    },
    onError: (e) => onError(e),
  }));

  const editingNode = nodes.find((n) => n.key === editing) ?? null;
  const treeErrors = errors.nodes;
  const errorCount = Object.keys(errors).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="draft-editor">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={doSave}>{t('save')}</Button>
          <Tooltip title={dirty ? t('saveFirst') : undefined}>
            <Button icon={<SendOutlined />} disabled={dirty || save.isPending} onClick={() => setDialog('publish')}>{t('publish')}</Button>
          </Tooltip>
          <Tooltip title={dirty ? t('saveFirst') : undefined}>
            <Button icon={<ImportOutlined />} disabled={dirty || save.isPending} onClick={() => setDialog('import')}>{t('import')}</Button>
          </Tooltip>
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={discard.isPending}
            onClick={() => modal.confirm({
              title: t('discardTitle', { n: tree.version.versionNo }),
              content: t('discardConfirm'),
              okText: t('discard'),
              okButtonProps: { danger: true },
              cancelText: t('cancel'),
              onOk: () => discard.mutateAsync({ id, version: tree.version.version }).catch(() => undefined),
            })}
          >
            {t('discard')}
          </Button>
        </Space>
        {dirty ? <ToneTag tone="orange" data-testid="editor-dirty">{t('unsaved')}</ToneTag> : <ToneTag tone="gray">{t('allSaved')}</ToneTag>}
      </Space>
      <Alert type="info" showIcon title={t('hint', { depth: MAX_DEPTH })} description={<>{t('hintBasis')} <Cite code="HN-22 ¶1" /></>} />
      {errorCount > 0 && <Alert type="error" showIcon title={t('errorsTitle', { n: errorCount })} data-testid="editor-errors" />}

      <div>
        <Typography.Title level={5}>{t('bandsTitle')}</Typography.Title>
        <Space wrap size={[16, 8]}>
          {(['excellent', 'good', 'pass'] as const).map((k) => (
            <Space key={k} size={4}>
              <label htmlFor={`band-${k}`}>{tb(k)} ≥</label>
              <InputNumber
                id={`band-${k}`}
                min={0}
                max={100}
                value={bands[k]}
                status={errors.gradeBands ? 'error' : undefined}
                onChange={(v) => {
                  setBands({ ...bands, [k]: v ?? 0 });
                  setDirty(true);
                }}
                style={{ width: 90 }}
              />
            </Space>
          ))}
          <Typography.Text type="secondary">{tb('failText', { n: bands.pass })}</Typography.Text>
        </Space>
        <FieldErrors messages={errors.gradeBands} testId="errors-gradeBands" />
      </div>

      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => add(null)}>{t('addDimension')}</Button>
        {siblingsOf(null).length > 0 && <WeightSum total={sum(siblingsOf(null))} label={t('dimensionSum')} testId="sum-root" />}
      </Space>
      <FieldErrors messages={treeErrors} testId="errors-tree" />
      <Table<EditNode>
        data-testid="editor-tree"
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={ordered}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        onRow={(n) => ({ 'data-code': n.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: tn('code'), key: 'code', width: 110,
            render: (_: unknown, n) => {
              const e = errorsOf(errors, n.code);
              return <><Typography.Text code>{n.code}</Typography.Text><FieldErrors messages={[...(e.code ?? []), ...(e.parentCode ?? [])]} testId={`errors-${n.code}-code`} /></>;
            },
          },
          {
            title: tn('name'), key: 'name',
            render: (_: unknown, n) => {
              const d = depths.get(n.code) ?? 1;
              const e = errorsOf(errors, n.code);
              const kids = siblingsOf(n.code);
              return (
                <div style={{ paddingLeft: (d - 1) * 20, minWidth: 320 }}>
                  <Input
                    aria-label={t('nameOf', { code: n.code })}
                    value={n.name}
                    placeholder={t(d === 1 ? 'namePlaceholderDimension' : 'namePlaceholder')}
                    status={e.name ? 'error' : undefined}
                    onChange={(ev) => patch(n.key, { name: ev.target.value })}
                    style={{ fontWeight: d === 1 ? 600 : undefined }}
                  />
                  <FieldErrors messages={e.name} testId={`errors-${n.code}-name`} />
                  {kids.length > 0 && <div style={{ marginTop: 4 }}><WeightSum total={sum(kids)} label={t('childSum')} testId={`sum-${n.code}`} /></div>}
                </div>
              );
            },
          },
          {
            title: tn('weight'), key: 'weight', width: 130,
            render: (_: unknown, n) => {
              const e = errorsOf(errors, n.code);
              return (
                <>
                  <InputNumber
                    aria-label={t('weightOf', { code: n.code })}
                    value={n.weight}
                    min={0}
                    max={100}
                    step={5}
                    suffix="%"
                    status={e.weight ? 'error' : undefined}
                    onChange={(v) => patch(n.key, { weight: v ?? 0 })}
                    style={{ width: 110 }}
                  />
                  <FieldErrors messages={e.weight} testId={`errors-${n.code}-weight`} />
                </>
              );
            },
          },
          {
            title: tn('leafFields'), key: 'leaf',
            render: (_: unknown, n) => {
              const e = errorsOf(errors, n.code);
              const other = ['maxScore', 'rubric', 'evidence', 'article', 'vetoBelow', 'factKey'].flatMap((f) => (e[f] ?? []).map((m) => `${tn(f)}:${m}`));
              const leaf = !parents.has(n.code);
              return (
                <div style={{ maxWidth: 380, whiteSpace: 'normal' }}>
                  {leaf ? (
                    <Space size={[8, 2]} wrap>
                      <span>{tn('maxScore')} {n.maxScore ?? DEFAULT_MAX_SCORE}</span>
                      <span>{t('levels', { n: n.rubric?.length ?? 0 })}{n.rubric?.length ? `(${n.rubric.map((l) => `${l.label} ${rangeText(l)}`).join(',')})` : ''}</span>
                      {n.article && <Cite code={n.article} />}
                      {n.vetoBelow != null && <ToneTag tone="red">{tn('vetoShort', { n: n.vetoBelow })}</ToneTag>}
                      {n.factKey && <ToneTag tone="blue"><FactLabel factKey={n.factKey} /></ToneTag>}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{n.article ? <Cite code={n.article} /> : t('innerNode')}</Typography.Text>
                  )}
                  <FieldErrors messages={other} testId={`errors-${n.code}-other`} />
                </div>
              );
            },
          },
          {
            title: t('actions'), key: 'actions', width: 210,
            render: (_: unknown, n) => {
              const d = depths.get(n.code) ?? 1;
              const sibs = siblingsOf(n.parentCode);
              const i = sibs.indexOf(n);
              return (
                <Space size={0} wrap>
                  <Tooltip title={t('edit')}><Button type="text" size="small" icon={<EditOutlined />} aria-label={t('editOf', { code: n.code })} onClick={() => setEditing(n.key)} /></Tooltip>
                  <Tooltip title={d >= MAX_DEPTH ? t('tooDeep', { depth: MAX_DEPTH }) : t('addChild')}>
                    <Button type="text" size="small" icon={<SubnodeOutlined />} aria-label={t('addChildOf', { code: n.code })} disabled={d >= MAX_DEPTH} onClick={() => add(n.code)} />
                  </Tooltip>
                  <Tooltip title={t('addSibling')}>
                    <Button type="text" size="small" icon={<PlusOutlined />} aria-label={t('addSiblingOf', { code: n.code })} onClick={() => add(n.parentCode, lastDescendant(nodes, n))} />
                  </Tooltip>
                  <Tooltip title={t('moveUp')}><Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUpOf', { code: n.code })} disabled={i <= 0} onClick={() => move(n, -1)} /></Tooltip>
                  <Tooltip title={t('moveDown')}><Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDownOf', { code: n.code })} disabled={i >= sibs.length - 1} onClick={() => move(n, 1)} /></Tooltip>
                  <Tooltip title={t('delete')}><Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('deleteOf', { code: n.code })} onClick={() => remove(n)} /></Tooltip>
                </Space>
              );
            },
          },
        ]}
      />
      {editingNode && (
        <NodeDrawer
          node={editingNode}
          leaf={!parents.has(editingNode.code)}
          errors={errorsOf(errors, editingNode.code)}
          onPatch={(p) => patch(editingNode.key, p)}
          onClose={() => setEditing(null)}
        />
      )}
      {dialog === 'publish' && <PublishDialog tree={tree} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog tree={tree} onClose={() => setDialog(null)} />}
    </Space>
  );
}

/** Where a new sibling goes in the array: after the node's last descendant (so that reading order stays natural). */
function lastDescendant(nodes: readonly EditNode[], n: EditNode): EditNode {
  const inside = new Set([n.code]);
  let last = n;
  for (const x of nodes.slice(nodes.indexOf(n) + 1)) {
    if (x.parentCode !== null && inside.has(x.parentCode)) {
      inside.add(x.code);
      last = x;
    }
  }
  return last;
}

/** The side drawer: every field of one node, with the server's errors beside each. */
function NodeDrawer({ node, leaf, errors, onPatch, onClose }: {
  node: EditNode;
  leaf: boolean;
  errors: Record<string, string[]>;
  onPatch: (p: Partial<EditNode>) => void;
  onClose: () => void;
}) {
  const t = useTranslations('indicators.editor');
  const tn = useTranslations('indicators.node');
  const tf = useTranslations('indicators.facts');
  const item = (field: string) => ({ validateStatus: errors[field] ? ('error' as const) : undefined, help: errors[field]?.join(';') });
  const rubric = node.rubric ?? [];
  const setLevel = (i: number, p: Partial<RubricLevel>) => onPatch({ rubric: rubric.map((l, j) => (j === i ? { ...l, ...p } : l)) });
  return (
    <Drawer open title={t('drawerTitle', { code: node.code })} size={560} onClose={onClose} destroyOnHidden data-testid="node-drawer">
      <Form layout="vertical" component="div">
        <Form.Item label={tn('code')} htmlFor="node-code" extra={t('codeHint')} {...item('code')}>
          <Input id="node-code" value={node.code} onChange={(e) => onPatch({ code: e.target.value.trim() })} />
        </Form.Item>
        <Form.Item label={tn('name')} htmlFor="node-name" {...item('name')}>
          <Input id="node-name" value={node.name} onChange={(e) => onPatch({ name: e.target.value })} maxLength={100} showCount />
        </Form.Item>
        <Form.Item label={tn('weight')} htmlFor="node-weight" {...item('weight')}>
          <InputNumber id="node-weight" value={node.weight} min={0} max={100} suffix="%" onChange={(v) => onPatch({ weight: v ?? 0 })} />
        </Form.Item>
        <Form.Item label={tn('article')} htmlFor="node-article" extra={t('articleHint')} {...item('article')}>
          <Space>
            <Input id="node-article" value={node.article ?? ''} onChange={(e) => onPatch({ article: e.target.value || null })} style={{ width: 160 }} />
            {node.article && <Cite code={node.article}>{t('openArticle')}</Cite>}
          </Space>
        </Form.Item>
        {leaf ? (
          <>
            <Form.Item label={tn('maxScore')} htmlFor="node-max" {...item('maxScore')}>
              <InputNumber id="node-max" value={node.maxScore ?? DEFAULT_MAX_SCORE} min={0} onChange={(v) => onPatch({ maxScore: v })} />
            </Form.Item>
            <Form.Item label={tn('rubric')} {...item('rubric')}>
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="rubric-editor">
                {rubric.map((l, i) => (
                  // levels have no identity of their own: the position is the key
                  <Space key={i} align="start" wrap>
                    <Input aria-label={t('levelLabel', { n: i + 1 })} value={l.label} onChange={(e) => setLevel(i, { label: e.target.value })} style={{ width: 70 }} />
                    <InputNumber aria-label={t('levelMin', { n: i + 1 })} value={l.min} min={0} onChange={(v) => setLevel(i, { min: v ?? 0 })} style={{ width: 80 }} />
                    <span>–</span>
                    <InputNumber aria-label={t('levelMax', { n: i + 1 })} value={l.max} min={0} onChange={(v) => setLevel(i, { max: v ?? 0 })} style={{ width: 80 }} />
                    <Input.TextArea aria-label={t('levelGuidance', { n: i + 1 })} value={l.guidance} placeholder={tn('guidance')} autoSize onChange={(e) => setLevel(i, { guidance: e.target.value })} style={{ width: 200 }} />
                    <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('levelRemove', { n: i + 1 })} onClick={() => onPatch({ rubric: rubric.filter((_, j) => j !== i) })} />
                  </Space>
                ))}
                <Space>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => onPatch({ rubric: [...rubric, { label: '', min: 0, max: node.maxScore ?? DEFAULT_MAX_SCORE, guidance: '' }] })}>{t('levelAdd')}</Button>
                  <Button size="small" onClick={() => onPatch({ rubric: defaultRubric(node.maxScore ?? DEFAULT_MAX_SCORE) })}>{t('levelDefault')}</Button>
                </Space>
              </Space>
            </Form.Item>
            <Form.Item label={tn('evidence')} htmlFor="node-evidence" {...item('evidence')}>
              <Input.TextArea id="node-evidence" value={node.evidence ?? ''} rows={3} maxLength={1000} showCount onChange={(e) => onPatch({ evidence: e.target.value || null })} />
            </Form.Item>
            <Form.Item label={<>{tn('vetoBelow')}</>} htmlFor="node-veto" extra={t('vetoHint')} {...item('vetoBelow')}>
              <InputNumber id="node-veto" value={node.vetoBelow ?? null} min={0} onChange={(v) => onPatch({ vetoBelow: v })} />
            </Form.Item>
            <Form.Item label={tn('factKey')} htmlFor="node-fact" extra={t('factHint')} {...item('factKey')}>
              <Select
                id="node-fact"
                allowClear
                value={node.factKey ?? undefined}
                onChange={(v) => onPatch({ factKey: v ?? null })}
                options={FACT_KEYS.map((k) => ({ value: k, label: tf(k) }))}
              />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon title={t('innerHint')} />
        )}
      </Form>
    </Drawer>
  );
}

interface PublishValues {
  changeNote?: string;
}

/** 发布: the draft is frozen for good; campaigns under way keep the version they froze. */
function PublishDialog({ tree, onClose }: { tree: VersionTree; onClose: () => void }) {
  const t = useTranslations('indicators.editor');
  const trpc = useTRPC();
  const [form] = Form.useForm<PublishValues>();
  const { done, onError } = useMutationFeedback(trpc.indicator.pathKey(), { form, onDone: onClose });
  const publish = useMutation(trpc.indicator.publish.mutationOptions({ onSuccess: () => done(t('published', { n: tree.version.versionNo })), onError }));
  const required = tree.version.versionNo > 1;
  return (
    <FormModal<PublishValues>
      form={form}
      title={t('publishTitle', { n: tree.version.versionNo })}
      okText={t('publish')}
      warning={t('publishWarning')}
      pending={publish.isPending}
      onClose={onClose}
      initialValues={{}}
      onFinish={(v) => publish.mutate({ id: tree.version.id, version: tree.version.version, changeNote: v.changeNote || null })}
    >
      <Form.Item name="changeNote" label={t('changeNote')} rules={required ? [{ required: true, message: t('changeNoteRequired') }] : []} extra={required ? undefined : t('changeNoteOptional')}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
