'use client';

import { Cite } from '@/app/_components/citation';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { PRODUCT_FORMS, USE_CATEGORIES } from '@/server/domain/filings-terms';
import { PLAN_MODES } from '@/server/routers/plans/terms';

/**
 * The contents of a plan (the 11 items of HN-12) and of an agreement (the 13 clauses of HN-14),
 * declared once and rendered both as the form and as the read-only page, each part titled with its
 * item number and article. Labels: plans.plan.sections.* and plans.agreement.clauses.*.
 */
export type FieldKind = 'text' | 'area' | 'years' | 'mode' | 'products' | 'custom';
export interface FieldDef {
  /** The label key under the section ('' = the section's title). */
  key: string;
  path: string[];
  kind: FieldKind;
  optional?: boolean;
}
export interface SectionDef {
  key: string;
  art: string;
  fields: FieldDef[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

const under = (root: string, section: string, spec: [string, FieldKind][], optional = false): FieldDef[] =>
  spec.map(([key, kind]) => ({ key, kind, path: [root, section, key], optional }));
const whole = (root: string, section: string): FieldDef[] => [{ key: '', kind: 'area', path: [root, section] }];

/** HN-12 (一) … (十一). */
export const PLAN_DEFS: SectionDef[] = [
  { key: 'name', art: 'HN-12(1)', fields: [{ key: 'name', kind: 'text', path: ['name'] }] },
  { key: 'necessity', art: 'HN-12(2)', fields: under('sections', 'necessity', [['necessity', 'area'], ['feasibility', 'area']]) },
  { key: 'mode', art: 'HN-12(3)', fields: under('sections', 'mode', [['type', 'mode'], ['description', 'area']]) },
  {
    key: 'resources', art: 'HN-12(4)',
    fields: [{ key: 'resourceIds', kind: 'custom', path: ['resourceIds'] }, ...under('sections', 'resources', [['updateFrequency', 'text'], ['quality', 'area']])],
  },
  {
    key: 'term', art: 'HN-12(5)',
    fields: under('sections', 'term', [
      ['years', 'years'], ['construction', 'area'], ['techSupport', 'area'], ['schedule', 'area'],
      ['evaluationStandards', 'area'], ['exitMechanism', 'area'], ['assetManagement', 'area'],
    ]),
  },
  { key: 'products', art: 'HN-12(6)', fields: under('sections', 'products', [['items', 'products']]) },
  { key: 'security', art: 'HN-12(7)', fields: under('sections', 'security', [['dataSecurity', 'area'], ['networkSecurity', 'area'], ['personalInfo', 'area'], ['emergency', 'area']]) },
  { key: 'accounting', art: 'HN-12(8)', fields: under('sections', 'accounting', [['costAccounting', 'area'], ['revenueDistribution', 'area']]) },
  { key: 'supervision', art: 'HN-12(9)', fields: under('sections', 'supervision', [['supervision', 'area'], ['evaluation', 'area']]) },
  { key: 'parties', art: 'HN-12(10)', fields: whole('sections', 'parties') },
  { key: 'other', art: 'HN-12(11)', fields: whole('sections', 'other') },
];

/** HN-14 (一) … (十三); (一) and (二) are the structured resources and dates. */
export const AGREEMENT_DEFS: SectionDef[] = [
  {
    key: 'resources', art: 'HN-14(1)',
    fields: [{ key: 'resourceIds', kind: 'custom', path: ['resourceIds'] }, { key: 'note', kind: 'area', path: ['clauses', 'resources'], optional: true }],
  },
  { key: 'term', art: 'HN-14(2)', fields: [{ key: 'dates', kind: 'custom', path: ['startsOn'] }, { key: 'note', kind: 'text', path: ['clauses', 'term'], optional: true }] },
  {
    key: 'products', art: 'HN-14(3)',
    fields: under('clauses', 'products', [['items', 'products'], ['techStandards', 'area'], ['securityReview', 'area'], ['businessReview', 'area']]),
  },
  { key: 'platform', art: 'HN-14(4)', fields: whole('clauses', 'platform') },
  { key: 'assets', art: 'HN-14(5)', fields: under('clauses', 'assets', [['equipment', 'area'], ['products', 'area']]) },
  { key: 'disclosure', art: 'HN-14(6)', fields: whole('clauses', 'disclosure') },
  { key: 'accounting', art: 'HN-14(7)', fields: under('clauses', 'accounting', [['costAccounting', 'area'], ['revenueDistribution', 'area']]) },
  { key: 'security', art: 'HN-14(8)', fields: under('clauses', 'security', [['measures', 'area'], ['riskMonitoring', 'area'], ['emergency', 'area']]) },
  { key: 'evaluation', art: 'HN-14(9)', fields: under('clauses', 'evaluation', [['evaluation', 'area'], ['renewalExit', 'area']]) },
  { key: 'liability', art: 'HN-14(10)', fields: whole('clauses', 'liability') },
  { key: 'disputes', art: 'HN-14(11)', fields: whole('clauses', 'disputes') },
  { key: 'changes', art: 'HN-14(12)', fields: whole('clauses', 'changes') },
  { key: 'other', art: 'HN-14(13)', fields: whole('clauses', 'other') },
];

/** Which messages name the parts: plans.plan.sections or plans.agreement.clauses. */
export type DefsKind = 'plan' | 'agreement';
const PREFIX: Record<DefsKind, string> = { plan: 'plan.sections', agreement: 'agreement.clauses' };

function useLabels(kind: DefsKind) {
  const t = useTranslations('plans');
  const title = (s: SectionDef, i: number) => `(${CN[i]})${t(`${PREFIX[kind]}.${s.key}.title`)}`;
  const label = (s: SectionDef, f: FieldDef) => t(`${PREFIX[kind]}.${s.key}.${f.key || 'title'}`);
  const hint = (s: SectionDef) => (t.has(`${PREFIX[kind]}.${s.key}.hint`) ? t(`${PREFIX[kind]}.${s.key}.hint`) : undefined);
  return { t, title, label, hint };
}

/** The options of USE_CATEGORIES / PRODUCT_FORMS (HN-12(6)) with their labels. */
function useEnumOptions(group: 'useCategory' | 'productForm') {
  const t = useTranslations('plans');
  return (group === 'useCategory' ? USE_CATEGORIES : PRODUCT_FORMS).map((value) => ({ value, label: t(`${group}.${value}`) }));
}

/** The product and service list: each row with its use category (HN-12(6)) and expected form. */
function ProductRows({ path, art }: { path: string[]; art: string }) {
  const t = useTranslations('plans');
  const tp = useTranslations('plans.products');
  const categories = useEnumOptions('useCategory');
  const forms = useEnumOptions('productForm');
  return (
    <Form.List name={path}>
      {(fields, { add, remove }) => (
        <div data-testid="product-rows">
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top">
              <Col xs={24} md={7}>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? tp('name') : undefined} rules={[{ required: true, whitespace: true, message: t('required', { label: tp('name'), art }) }]}>
                  <Input maxLength={100} aria-label={`${tp('name')} ${i + 1}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, 'category']} label={i === 0 ? tp('category') : undefined} rules={[{ required: true, message: t('chooseRequired', { label: tp('category'), art }) }]}>
                  <Select aria-label={`${tp('category')} ${i + 1}`} options={categories} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'form']} label={i === 0 ? tp('form') : undefined} rules={[{ required: true, message: t('chooseRequired', { label: tp('form'), art }) }]}>
                  <Select aria-label={`${tp('form')} ${i + 1}`} options={forms} />
                </Form.Item>
              </Col>
              <Col xs={20} md={7}>
                <Form.Item name={[f.name, 'description']} label={i === 0 ? tp('description') : undefined}>
                  <Input maxLength={500} aria-label={`${tp('description')} ${i + 1}`} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Form.Item label={i === 0 ? ' ' : undefined}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${tp('remove')} ${i + 1}`} disabled={fields.length === 1} onClick={() => remove(f.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ name: '', category: 'public', form: 'api', description: '' })}>{tp('add')}</Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{tp('categoryHint')}</Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}

/** The form's parts, one card per item of the article, each naming it. `custom` renders the structured pickers. */
export function SectionsForm({ kind, defs, custom }: { kind: DefsKind; defs: SectionDef[]; custom: Record<string, React.ReactNode> }) {
  const { t, title, label, hint } = useLabels(kind);
  return (
    <>
      {defs.map((s, i) => (
        <Card key={s.key} size="small" title={<>{title(s, i)} <Cite code={s.art} /></>} style={{ marginBottom: 16 }} data-testid={`section-${s.key}`}>
          <Row gutter={16}>
            {s.fields.map((f) => {
              if (f.kind === 'custom') return <Col key={f.key} span={24}>{custom[f.key]}</Col>;
              if (f.kind === 'products') return <Col key={f.key} span={24}><ProductRows path={f.path} art={s.art} /></Col>;
              const text = label(s, f);
              const message = t(f.kind === 'mode' ? 'chooseRequired' : 'required', { label: text, art: s.art });
              const rules = f.optional ? undefined : [f.kind === 'years' ? { required: true, type: 'number' as const, message } : { required: true, whitespace: true, message }];
              const wide = f.key === '' || f.key === 'note' || f.kind === 'mode' || s.fields.length === 1;
              return (
                <Col key={f.key || 'self'} xs={24} lg={wide ? 24 : 12}>
                  <Form.Item name={f.path} label={text} rules={rules} extra={f.key === '' ? hint(s) : undefined}>
                    {f.kind === 'text' ? <Input maxLength={500} aria-label={text} />
                      : f.kind === 'years' ? <InputNumber min={1} max={10} precision={0} aria-label={text} />
                        : f.kind === 'mode' ? <Radio.Group aria-label={text} options={PLAN_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
                          : <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} aria-label={text} />}
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Card>
      ))}
    </>
  );
}

interface ProductRow {
  name: string;
  category: string;
  form: string;
  description?: string;
}

function ProductTable({ rows }: { rows: ProductRow[] }) {
  const t = useTranslations('plans');
  const tp = useTranslations('plans.products');
  return (
    <Table<ProductRow & { key: number }>
      size="small"
      pagination={false}
      dataSource={rows.map((r, key) => ({ ...r, key }))}
      columns={[
        { title: tp('name'), dataIndex: 'name' },
        { title: tp('category'), dataIndex: 'category', render: (v: string) => t(`useCategory.${v}`) },
        { title: tp('form'), dataIndex: 'form', render: (v: string) => t(`productForm.${v}`) },
        { title: tp('description'), dataIndex: 'description', render: (v?: string) => v || '—' },
      ]}
    />
  );
}

const at = (values: unknown, path: string[]) => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), values);

/** The read-only page of the parts, in the article's order. */
export function SectionsView({ kind, defs, values, custom }: { kind: DefsKind; defs: SectionDef[]; values: unknown; custom: Record<string, React.ReactNode> }) {
  const { t, title, label } = useLabels(kind);
  return (
    <>
      {defs.map((s, i) => (
        <Card key={s.key} size="small" title={<>{title(s, i)} <Cite code={s.art} /></>} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 240 } }} items={s.fields.map((f) => {
            const v = at(values, f.path);
            const children = f.kind === 'custom' ? custom[f.key]
              : f.kind === 'products' ? <ProductTable rows={(v as ProductRow[] | undefined) ?? []} />
                : f.kind === 'mode' ? t(`mode.${String(v)}`)
                  : <span style={{ whiteSpace: 'pre-wrap' }}>{v === undefined || v === null || v === '' ? '—' : String(v)}</span>;
            return { key: f.key || 'self', label: label(s, f), children };
          })} />
        </Card>
      ))}
    </>
  );
}

/** Put a changed path of a version diff into words: the item's title, the row, the field. */
export function useDiffWords(kind: DefsKind, defs: SectionDef[]) {
  const { t, title, label } = useLabels(kind);
  const tv = useTranslations('plans.versions');
  const wordsOf = (path: string) => {
    const parts = path.split('.');
    for (const [i, s] of defs.entries()) {
      for (const f of s.fields) {
        if (f.kind === 'custom' || f.path.some((p, k) => parts[k] !== p)) continue;
        const rest = parts.slice(f.path.length);
        const row = rest[0] ? ` · ${tv('row', { n: rest[0] })}` : '';
        const field = rest[1] ? ` · ${t(`products.${rest[1]}`)}` : '';
        return `${title(s, i)} · ${label(s, f)}${row}${field}`;
      }
    }
    return t.has(`${kind}.fields.${parts[0]}`) ? t(`${kind}.fields.${parts[0]}`) : path;
  };
  const valueOf = (path: string, v: string | number | boolean | null) => {
    if (v === null) return '—';
    const last = path.split('.').pop();
    if (path === 'sections.mode.type') return t(`mode.${String(v)}`);
    if (last === 'category') return t(`useCategory.${String(v)}`);
    if (last === 'form' && path.includes('.items.')) return t(`productForm.${String(v)}`);
    return String(v);
  };
  return { label: wordsOf, value: valueOf };
}
