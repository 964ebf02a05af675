import type { DbOrTx } from '@/db/client';
import { DEFAULT_GRADE_BANDS, type FactKey, type RubricLevel, type TargetKind } from '@/server/domain/evaluation';
import type { NodeInput } from '@/server/routers/evaluation/indicator-schema';
import { createSystem, publishDraft, saveDraft } from '@/server/routers/evaluation/indicators';
import { demoSubject } from './factories';

/**
 * The default indicator systems (HN-22), one per kind of target, built from the articles: for the
 * implementing agencies (HN-22 ¶1) what HN-9 … HN-20 ask of them, for the operators (HN-22 ¶2) what
 * HN-7, HN-8, HN-15 … HN-18 and HN-22 ask of them. Three levels (dimension → indicator → check
 * item); every node cites its article; leaves have a rubric, the evidence expected, and where the
 * console records the facts a `factKey` that pre-fills the self-assessment. Each has a veto item.
 * Seeded through the same service as the editor, and published as v1 by the province.
 */
type Level = [label: string, min: number, max: number, guidance: string];
const rubric = (...levels: Level[]): RubricLevel[] => levels.map(([label, min, max, guidance]) => ({ label, min, max, guidance }));

interface Leaf {
  code: string;
  name: string;
  weight: number;
  article: string;
  evidence: string;
  rubric: RubricLevel[];
  factKey?: FactKey;
  vetoBelow?: number;
}
interface Branch {
  code: string;
  name: string;
  weight: number;
  article: string;
  children: (Branch | Leaf)[];
}

function flatten(items: (Branch | Leaf)[], parentCode: string | null = null): NodeInput[] {
  return items.flatMap((n) => {
    if ('children' in n) return [{ code: n.code, parentCode, name: n.name, weight: n.weight, article: n.article }, ...flatten(n.children, n.code)];
    return [{
      code: n.code, parentCode, name: n.name, weight: n.weight, article: n.article, maxScore: 100, rubric: n.rubric, evidence: n.evidence,
      factKey: n.factKey ?? null, vetoBelow: n.vetoBelow ?? null,
    }];
  });
}

/** Four levels, for most check items: 优 / 良 / 中 / 差. */
const four = (excellent: string, good: string, fair: string, poor: string) =>
  rubric(['优', 90, 100, excellent], ['良', 75, 89, good], ['中', 60, 74, fair], ['差', 0, 59, poor]);
/** Three levels: 符合 / 基本符合 / 不符合. */
const three = (yes: string, partly: string, no: string) => rubric(['符合', 90, 100, yes], ['基本符合', 60, 89, partly], ['不符合', 0, 59, no]);

const AGENCY_TREE: Branch[] = [
  {
    code: 'A1', name: '目录编制和资源登记', weight: 20, article: 'HN-9',
    children: [
      {
        code: 'A1.1', name: '公共数据资源目录', weight: 50, article: 'HN-9',
        children: [
          {
            code: 'A1.1.1', name: '依托政务数据目录编制本地、本部门公共数据资源目录并发布', weight: 40, article: 'HN-9', factKey: 'catalog_published',
            evidence: '平台已发布的资源目录清单;目录编制工作方案',
            rubric: four('授权运营范围内的资源全部编目并发布,纳入全省目录体系', '大部分资源已编目发布,个别资源待补充', '已编制目录但发布不足一半', '未编制或未发布目录'),
          },
          {
            code: 'A1.1.2', name: '目录动态更新,变更及时发布新版本', weight: 30, article: 'HN-9',
            evidence: '目录版本记录;资源变更与目录更新的时间对照',
            rubric: four('资源变化后及时更新目录,版本记录完整', '大部分变更已更新,个别滞后', '更新明显滞后', '目录长期未更新'),
          },
          {
            code: 'A1.1.3', name: '落实“一数一源一标准”,重复数据项已关联或说明理由', weight: 30, article: 'HN-9',
            evidence: '一数一源冲突清单及处理记录',
            rubric: three('无未处理的重复数据项', '存在少量未处理的重复数据项', '重复数据项普遍未处理'),
          },
        ],
      },
      {
        code: 'A1.2', name: '公共数据资源登记', weight: 50, article: 'HN-10',
        children: [
          {
            code: 'A1.2.1', name: '纳入授权运营范围的公共数据资源完成登记', weight: 60, article: 'HN-10', factKey: 'registration_complete',
            evidence: '登记申请和登记结果清单',
            rubric: four('运营范围内资源全部完成登记', '登记完成率 80% 以上', '登记完成率 50%–80%', '登记完成率低于 50%'),
          },
          {
            code: 'A1.2.2', name: '未完成目录编制或未落实国有资产管理的资源未投入运营', weight: 40, article: 'HN-10 ¶2',
            evidence: '资产管理记录;运营资源与登记、目录的对照表',
            rubric: three('运营资源均已完成目录编制和资产管理', '个别资源资产管理记录不全,已整改', '存在未登记资源投入运营的情形'),
          },
        ],
      },
    ],
  },
  {
    code: 'A2', name: '实施方案和运营协议', weight: 20, article: 'HN-11',
    children: [
      {
        code: 'A2.1', name: '授权运营实施方案', weight: 50, article: 'HN-11',
        children: [
          {
            code: 'A2.1.1', name: '实施方案经“三重一大”决策和本级政府审议,并按规定备案', weight: 60, article: 'HN-11', factKey: 'plan_filed',
            evidence: '决策会议纪要;政府审议文件;备案回执',
            rubric: four('决策、审议、备案手续齐全且及时', '手续齐全,备案略有迟延', '缺少部分决策或审议记录', '未经审议实施或未备案'),
          },
          {
            code: 'A2.1.2', name: '实施方案包含第十二条规定的全部内容', weight: 40, article: 'HN-12',
            evidence: '实施方案文本(逐项对照第十二条)',
            rubric: four('11 项内容齐全、论证充分', '内容齐全,个别项目较简略', '缺少 1–2 项内容', '缺少 3 项及以上内容'),
          },
        ],
      },
      {
        code: 'A2.2', name: '授权运营协议', weight: 50, article: 'HN-13',
        children: [
          {
            code: 'A2.2.1', name: '运营协议经“三重一大”决策后签订,并报省级和行业主管部门备案', weight: 60, article: 'HN-13 ¶2', factKey: 'agreement_filed',
            evidence: '决策会议纪要;协议文本;备案回执',
            rubric: four('决策、签订、备案手续齐全', '手续齐全,备案略有迟延', '缺少决策记录', '未经决策签订或未备案'),
          },
          {
            code: 'A2.2.2', name: '协议条款完整,运营期限不超过 3 年', weight: 40, article: 'HN-14(2)',
            evidence: '协议文本(逐项对照第十四条)',
            rubric: three('13 项条款齐全,期限合规', '条款基本齐全,个别条款需完善', '缺少重要条款或期限超过 3 年未经批准'),
          },
        ],
      },
    ],
  },
  {
    code: 'A3', name: '运营实施审核', weight: 30, article: 'HN-15',
    children: [
      {
        code: 'A3.1', name: '场景和产品审核', weight: 40, article: 'HN-15',
        children: [
          {
            code: 'A3.1.1', name: '及时审核一级开发主体的场景、数据需求和合规审核申请', weight: 40, article: 'HN-15', factKey: 'scenario_reviews',
            evidence: '审核记录及办理时长统计',
            rubric: four('全部申请及时审核,五项审核要点齐全', '个别申请审核偏慢', '较多申请积压', '长期积压或未开展审核'),
          },
          {
            code: 'A3.1.2', name: '审核不通过的说明理由和依据', weight: 30, article: 'HN-15 ¶2',
            evidence: '不通过决定书',
            rubric: three('全部说明理由和依据', '个别决定依据不充分', '未说明理由和依据'),
          },
          {
            code: 'A3.1.3', name: '未经审核擅自授权运营(一票否决)', weight: 30, article: 'HN-15', vetoBelow: 60,
            evidence: '运营中的产品和服务与审核通过清单的对照表',
            rubric: three('全部产品和服务均经审核后发布', '个别产品审核手续后补,未造成影响', '存在未经审核擅自授权运营的产品或服务'),
          },
        ],
      },
      {
        code: 'A3.2', name: '数据校核', weight: 30, article: 'HN-16',
        children: [
          {
            code: 'A3.2.1', name: '数据校核需求在 7 个工作日内反馈结果', weight: 100, article: 'HN-16', factKey: 'quality_answers',
            evidence: '数据校核需求清单及答复时间',
            rubric: four('全部按期答复', '按期答复率 90% 以上', '按期答复率 70%–90%', '按期答复率低于 70%'),
          },
        ],
      },
      {
        code: 'A3.3', name: '二级开发主体审核', weight: 30, article: 'HN-17',
        children: [
          {
            code: 'A3.3.1', name: '对一级开发主体报送的二级开发主体评估结果及时审核', weight: 100, article: 'HN-17',
            evidence: '二级开发主体审核记录',
            rubric: four('全部及时审核,审核意见明确', '个别审核偏慢', '审核意见不明确或积压', '未开展审核'),
          },
        ],
      },
    ],
  },
  {
    code: 'A4', name: '安全管理和监督检查', weight: 30, article: 'HN-19',
    children: [
      {
        code: 'A4.1', name: '管理工作规则', weight: 40, article: 'HN-19',
        children: [
          {
            code: 'A4.1.1', name: '按数据治理和分类分级安全保护要求建立管理工作规则', weight: 50, article: 'HN-19',
            evidence: '管理制度文件;分类分级清单',
            rubric: four('规则健全并有效执行', '规则健全,执行有欠缺', '规则不完整', '未建立规则'),
          },
          {
            code: 'A4.1.2', name: '加强对授权运营数据范围的审查', weight: 50, article: 'HN-19',
            evidence: '数据范围审查记录',
            rubric: three('定期审查并留痕', '审查不定期', '未开展审查'),
          },
        ],
      },
      {
        code: 'A4.2', name: '监督检查和整改', weight: 60, article: 'HN-20',
        children: [
          {
            code: 'A4.2.1', name: '会同有关部门开展内控审计和安全合规监督检查', weight: 40, article: 'HN-20',
            evidence: '检查计划、检查报告',
            rubric: four('按计划开展并覆盖全部环节', '开展检查,覆盖不全', '检查流于形式', '未开展检查'),
          },
          {
            code: 'A4.2.2', name: '对检查发现的问题督促整改落实', weight: 30, article: 'HN-20',
            evidence: '整改通知及跟踪记录',
            rubric: four('问题全部督促整改到位', '大部分已整改', '整改跟踪不到位', '未督促整改'),
          },
          {
            code: 'A4.2.3', name: '本机构被责令整改的事项按期整改到位', weight: 30, article: 'HN-20', factKey: 'rectifications_closed',
            evidence: '整改单及验收记录',
            rubric: four('全部按期整改到位', '个别事项延期已获批准', '存在逾期未整改事项', '多项逾期或拒不整改'),
          },
        ],
      },
    ],
  },
];

const OPERATOR_TREE: Branch[] = [
  {
    code: 'O1', name: '数据安全主体责任', weight: 30, article: 'HN-8',
    children: [
      {
        code: 'O1.1', name: '安全管理内控', weight: 50, article: 'HN-8',
        children: [
          {
            code: 'O1.1.1', name: '落实分类分级保护要求,建立健全一级开发安全管理制度', weight: 25, article: 'HN-8(1)',
            evidence: '安全管理制度文件;数据分类分级清单',
            rubric: four('制度健全、分类分级清单完整并执行', '制度健全,执行有欠缺', '制度不完整', '未建立制度'),
          },
          {
            code: 'O1.1.2', name: '组建专业安全运营维护团队', weight: 25, article: 'HN-8(2)',
            evidence: '团队组成、岗位职责和人员资质',
            rubric: four('专职团队到位,覆盖管理、开发和服务全过程', '团队到位,个别环节兼职', '团队不健全', '无专门团队'),
          },
          {
            code: 'O1.1.3', name: '制定安全事件应急处置预案并演练', weight: 25, article: 'HN-8(3)',
            evidence: '应急预案;演练记录',
            rubric: four('预案完善并每年演练', '有预案,演练不足', '预案内容不完整', '无预案'),
          },
          {
            code: 'O1.1.4', name: '加强数据关联汇聚风险识别和管控', weight: 25, article: 'HN-8(4)',
            evidence: '风险评估报告;管控措施',
            rubric: three('定期评估并落实管控措施', '开展评估,措施不完整', '未开展风险识别'),
          },
        ],
      },
      {
        code: 'O1.2', name: '风险和安全事件报告', weight: 50, article: 'HN-18',
        children: [
          {
            code: 'O1.2.1', name: '发现风险隐患立即停止处理并及时报告', weight: 60, article: 'HN-18', factKey: 'incidents_reported',
            evidence: '风险和事件报告记录(平台已记录的报告自动列出)',
            rubric: four('全部按时报告并采取保护措施', '个别报告略有迟延', '报告迟延或内容不全', '发现风险未报告'),
          },
          {
            code: 'O1.2.2', name: '发生重大数据安全事件未按规定报告(一票否决)', weight: 40, article: 'HN-18', vetoBelow: 60,
            evidence: '重大数据安全事件向实施机构、主管部门和网信部门的报告记录',
            rubric: three('未发生重大事件,或发生后按规定向各方报告', '报告略有迟延,已补报并整改', '发生重大数据安全事件未按规定报告'),
          },
        ],
      },
    ],
  },
  {
    code: 'O2', name: '场景开发和产品合规', weight: 25, article: 'HN-15',
    children: [
      {
        code: 'O2.1', name: '一场景一审核', weight: 40, article: 'HN-15',
        children: [
          {
            code: 'O2.1.1', name: '按“一场景一审核”提交场景和数据需求申请', weight: 50, article: 'HN-15', factKey: 'scenario_reviews',
            evidence: '场景申请和审核结果清单',
            rubric: four('全部场景经审核后开发', '个别场景申请材料不完整', '存在先开发后申请的情形', '普遍未按规定申请'),
          },
          {
            code: 'O2.1.2', name: '产品和服务发布前通过合规审核并登记', weight: 50, article: 'HN-15 ¶2',
            evidence: '合规审核意见;产品登记证明',
            rubric: three('全部产品审核通过并登记', '个别产品登记滞后', '存在未审核即发布的产品'),
          },
        ],
      },
      {
        code: 'O2.2', name: '数据质量', weight: 20, article: 'HN-16',
        children: [
          {
            code: 'O2.2.1', name: '发现数据质量问题及时提出校核需求并跟踪处理', weight: 100, article: 'HN-16',
            evidence: '数据校核需求及处理记录',
            rubric: four('发现问题及时提出并闭环', '提出及时,跟踪不足', '提出滞后', '发现问题未提出'),
          },
        ],
      },
      {
        code: 'O2.3', name: '二级开发和信息披露', weight: 40, article: 'HN-17',
        children: [
          {
            code: 'O2.3.1', name: '公开公平选择二级开发主体,经实施机构审核后签订应用协议', weight: 50, article: 'HN-17',
            evidence: '准入条件公告;评估报告;审核意见;应用协议',
            rubric: four('全部公开选择并经审核', '个别协议条款不完整', '选择过程不够公开', '未经审核即提供产品'),
          },
          {
            code: 'O2.3.2', name: '公布产品和服务清单,定期披露资源使用情况', weight: 50, article: 'HN-17 ¶2', factKey: 'disclosures_published',
            evidence: '公开的产品清单和使用情况披露',
            rubric: four('清单公开并按期披露', '披露略有迟延', '披露内容不完整', '未公开清单或未披露'),
          },
        ],
      },
    ],
  },
  {
    code: 'O3', name: '运营规范', weight: 15, article: 'HN-7',
    children: [
      {
        code: 'O3.1', name: '禁止性行为', weight: 100, article: 'HN-7 ¶2',
        children: [
          {
            code: 'O3.1.1', name: '不超范围使用数据,原始公共数据不直接进入市场', weight: 50, article: 'HN-7(2)',
            evidence: '数据使用范围审计记录;平台访问日志抽查',
            rubric: three('未发现超范围使用', '发现轻微问题已整改', '存在超范围使用或原始数据入市'),
          },
          {
            code: 'O3.1.2', name: '不面向二级开发主体以外的主体提供营利性产品和服务', weight: 50, article: 'HN-7(4)',
            evidence: '客户清单;交易记录抽查',
            rubric: three('未发现违规情形', '发现轻微问题已整改', '存在违规提供的情形'),
          },
        ],
      },
    ],
  },
  {
    code: 'O4', name: '报告、整改和配合评价', weight: 30, article: 'HN-22 ¶2',
    children: [
      {
        code: 'O4.1', name: '运营报告', weight: 40, article: 'HN-22 ¶3',
        children: [
          {
            code: 'O4.1.1', name: '按季度报送授权运营报告', weight: 50, article: 'HN-22 ¶3', factKey: 'reports_on_time',
            evidence: '季度报告报送记录(平台已记录)',
            rubric: four('全部按时报送', '1 次迟报', '2 次迟报或 1 次缺报', '多次缺报'),
          },
          {
            code: 'O4.1.2', name: '每年第一季度报送上年度总结报告,含二级开发利用情况', weight: 50, article: 'HN-22 ¶3',
            evidence: '年度总结报告',
            rubric: four('按时报送且内容完整', '按时报送,个别内容简略', '迟报或缺少二级开发利用情况', '未报送'),
          },
        ],
      },
      {
        code: 'O4.2', name: '问题整改', weight: 40, article: 'HN-22 ¶2',
        children: [
          {
            code: 'O4.2.1', name: '针对评价和检查指出的问题制定整改方案并按期整改到位', weight: 100, article: 'HN-22 ¶2', factKey: 'rectifications_closed',
            evidence: '整改方案、进展和验收记录(平台已记录的整改单自动列出)',
            rubric: four('全部按期整改到位', '个别事项经批准延期', '存在逾期未整改事项', '多项逾期或拒不整改'),
          },
        ],
      },
      {
        code: 'O4.3', name: '配合评价', weight: 20, article: 'HN-22 ¶2',
        children: [
          {
            code: 'O4.3.1', name: '如实提供有关资料,不拒绝、隐匿、瞒报', weight: 100, article: 'HN-22 ¶2',
            evidence: '自评材料及证明材料',
            rubric: three('资料完整真实,配合及时', '资料基本完整,个别补充', '拒绝、隐匿或瞒报'),
          },
        ],
      },
    ],
  },
];

/** The default systems, as the editor would send them (exported for tests). */
export const DEFAULT_SYSTEMS: { targetKind: TargetKind; name: string; description: string; nodes: NodeInput[] }[] = [
  {
    targetKind: 'agency',
    name: '实施机构公共数据资源授权运营年度评价指标体系',
    description: '省行政审批政务信息管理局对实施机构授权运营情况的年度评价(HN-22 ¶1),结果作为数字政府建设综合评价等的重要参考。',
    nodes: flatten(AGENCY_TREE),
  },
  {
    targetKind: 'operator',
    name: '一级开发主体公共数据资源授权运营年度评价指标体系',
    description: '公共数据主管部门对一级开发主体授权运营情况的年度评价(HN-22 ¶2);评价指出的问题限期整改。',
    nodes: flatten(OPERATOR_TREE),
  },
];

export async function seedDemoIndicators(tx: DbOrTx, _orgIds: Map<string, string>): Promise<void> {
  const province = await demoSubject(tx, 'province');
  for (const s of DEFAULT_SYSTEMS) {
    const { draftId } = await createSystem(tx, province, { targetKind: s.targetKind, name: s.name, description: s.description });
    const saved = await saveDraft(tx, province, { id: draftId, version: 1, gradeBands: DEFAULT_GRADE_BANDS, nodes: s.nodes });
    await publishDraft(tx, province, { id: draftId, version: saved.version, changeNote: '首版,依据《河南省公共数据资源授权运营实施办法(试行)》编制' }, new Date());
  }
}
