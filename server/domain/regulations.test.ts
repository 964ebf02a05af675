import { describe, expect, it } from 'vitest';
import { REGULATION_SHAPE, citationAnchor, isKnownCitation, parseCitation } from './citations';
import { articles, chineseToInt, findArticle, intToChinese, loadRegulation, parseRegulation, regulationBySlug, regulationShape } from './regulations';

const art = (doc: 'HN' | 'ID', n: number) => {
  const a = articles(loadRegulation(doc)).find((x) => x.number === n);
  if (!a) throw new Error(`${doc}-${n} missing`);
  return a;
};

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十四', 14], ['二十', 20], ['二十六', 26], ['三十', 30], ['九十九', 99],
    ['一百', 100], ['一百零五', 105], ['一百一十二', 112],
  ])('%s → %i', (s, n) => {
    expect(chineseToInt(s)).toBe(n);
    expect(intToChinese(n)).toBe(s);
  });

  it.each(['', '零', '十十', '一二', '二十十', '百', '一百五', 'abc', '十a'])('rejects %j', (s) => {
    expect(chineseToInt(s)).toBeNull();
  });

  it('round-trips 1..99', () => {
    for (let n = 1; n <= 99; n++) expect(chineseToInt(intToChinese(n))).toBe(n);
  });
});

describe('河南省公共数据资源授权运营实施办法(试行) (HN)', () => {
  const hn = loadRegulation('HN');

  it('has 26 articles in 8 chapters, numbered 1..26 once each and in order', () => {
    expect(hn.chapters).toHaveLength(8);
    expect(hn.articleCount).toBe(26);
    expect(articles(hn).map((a) => a.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(hn.chapters.map((c) => c.title)).toEqual([
      '第一章 总则', '第二章 基本要求', '第三章 目录编制和登记', '第四章 方案编制', '第五章 协议签订', '第六章 运营实施', '第七章 运营管理', '第八章 附则',
    ]);
    expect(hn.chapters.map((c) => c.articles.map((a) => a.number)[0])).toEqual([1, 5, 9, 11, 13, 15, 18, 24]);
  });

  it('keeps headings as written and the header metadata', () => {
    expect(art('HN', 14).heading).toBe('第十四条');
    expect(art('HN', 26).heading).toBe('第二十六条');
    expect(hn.title).toBe('河南省公共数据资源授权运营实施办法(试行)');
    expect(hn.documentNumber).toBe('豫政办〔2025〕5号');
    expect(hn.dates).toEqual([{ date: '2025-02-28', kind: '印发' }]);
    expect(hn.publishedAt).toBe('2025-03-17');
  });

  it('keeps the publication context as the intro, not as text of an article', () => {
    expect(hn.intro[0]).toBe('河南省人民政府办公厅印发《河南省公共数据资源授权运营实施办法(试行)》');
    expect(hn.intro).toContain('各省辖市人民政府,济源示范区、航空港区管委会,省人民政府各部门:');
    expect(hn.intro.at(-1)).toBe('2025年2月28日');
    expect(hn.bodyTitle).toEqual(['河南省公共数据资源授权运营实施办法', '(试行)']);
    expect(hn.note.join(' ')).toMatch(/^Official text as published/);
    expect(hn.trailer).toEqual(['关键字: 公共数据资源授权运营']);
    for (const issuer of hn.issuers) expect(hn.intro).toContain(issuer);
    // The website trailer does not end up as a paragraph of the last article.
    expect(art('HN', 26).paragraphs.map((p) => p.text)).toEqual(['国家和省对公共数据资源授权运营管理有新规定的,从其规定。']);
  });

  it('HN-14 (运营协议) has its 13 items, in one paragraph', () => {
    const a = art('HN', 14);
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0].text).toBe('公共数据资源授权运营协议应当包括以下内容:');
    const items = a.paragraphs[0].items;
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(items[0].text).toBe('授权运营的公共数据资源范围及数据资源目录;');
    expect(items[1].text).toBe('运营期限,原则上最长不超过3年;');
    expect(items[12].text).toBe('需要明确的其他事项。');
    expect(items[1].anchor).toBe('art-14-i2');
  });

  it('HN-12 (实施方案) has its 11 items, including 授权运营期限 in item 5', () => {
    const items = art('HN', 12).paragraphs[0].items;
    expect(items).toHaveLength(11);
    expect(items[4].text).toMatch(/^授权运营期限、建设内容/);
    expect(items[10].text).toBe('应当明确的其他事项。');
  });

  it('items belong to the paragraph before them; a line after a list is a new paragraph', () => {
    const six = art('HN', 6);
    expect(six.paragraphs.map((p) => p.items.length)).toEqual([4, 0]);
    expect(six.paragraphs[1].text).toMatch(/^以政务数据共享方式获得/);
    const seven = art('HN', 7);
    expect(seven.paragraphs.map((p) => p.items.length)).toEqual([0, 5]);
    expect(seven.paragraphs[1].text).toBe('一级开发主体不得实施以下行为:');
    expect(seven.paragraphs[1].items[4].text).toMatch(/^与其他经营主体达成垄断协议/);
    expect(art('HN', 3).paragraphs).toHaveLength(6);
    expect(art('HN', 22).paragraphs).toHaveLength(3);
  });
});

describe('国家网络身份认证公共服务管理办法 (ID)', () => {
  const id = loadRegulation('ID');

  it('has 16 articles in one implicit chapter, numbered 1..16 once each and in order', () => {
    expect(id.articleCount).toBe(16);
    expect(id.chapters).toHaveLength(1);
    expect(id.chapters[0]).toMatchObject({ number: null, title: '' });
    expect(articles(id).map((a) => a.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(art('ID', 16).paragraphs[0].text).toBe('本办法自2025年7月15日起施行。');
  });

  it('header metadata and intro (the 令 and its signatories)', () => {
    expect(id.documentNumber).toBe('公安部等六部门令第173号');
    expect(id.dates).toEqual([{ date: '2025-05-19', kind: '公布' }, { date: '2025-07-15', kind: '施行' }]);
    expect(id.intro).toContain('第173号');
    expect(id.intro.at(-1)).toBe('2025年5月19日');
    expect(id.bodyTitle).toEqual(['国家网络身份认证公共服务管理办法']);
    expect(id.trailer).toEqual([]);
    expect(id.issuers).toHaveLength(6);
    for (const issuer of id.issuers) expect(id.intro).toContain(issuer);
  });

  it('ID-11 has items 1–4 in its first paragraph, then three more paragraphs', () => {
    const a = art('ID', 11);
    expect(a.paragraphs.map((p) => p.items.length)).toEqual([4, 0, 0, 0]);
    expect(a.paragraphs[0].items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(a.paragraphs[0].items[0].text).toBe('公共服务平台的名称和联系方式;');
    expect(a.paragraphs[0].items[3].text).toBe('法律、行政法规规定应当告知的其他事项。');
  });
});

describe('findArticle', () => {
  it('HN-14(2) → article 14, its paragraph 1, item 2', () => {
    const hit = findArticle('HN-14(2)')!;
    expect(hit.article.number).toBe(14);
    expect(hit.chapter.title).toBe('第五章 协议签订');
    expect(hit.paragraph?.number).toBe(1);
    expect(hit.item?.number).toBe(2);
    expect(hit.item?.text).toContain('原则上最长不超过3年');
    expect(hit.anchor).toBe('art-14-i2');
    expect(hit.exact).toBe(true);
  });

  it('ID-8.2 → article 8 paragraph 2 (article 8 has three paragraphs)', () => {
    expect(art('ID', 8).paragraphs).toHaveLength(3);
    const hit = findArticle('ID-8.2')!;
    expect(hit.article.number).toBe(8);
    expect(hit.paragraph?.number).toBe(2);
    expect(hit.paragraph?.text).toMatch(/^根据法律、行政法规规定,互联网平台确需获取、留存用户法定身份证件信息的/);
    expect(hit.item).toBeNull();
    expect(hit.anchor).toBe('art-8-p2');
  });

  it('an item in a list that is not in the first paragraph: HN-7(5) and HN-7.2(5)', () => {
    for (const code of ['HN-7(5)', 'HN-7.2(5)']) {
      const hit = findArticle(code)!;
      expect(hit.paragraph?.number).toBe(2);
      expect(hit.item?.text).toMatch(/^与其他经营主体达成垄断协议/);
      expect(hit.anchor).toBe('art-7-i5');
    }
  });

  it('a bare article, and a paragraph or item the article lacks, still find the article', () => {
    expect(findArticle('HN-14')).toMatchObject({ paragraph: null, item: null, anchor: 'art-14', exact: true });
    expect(findArticle('HN-14.3')).toMatchObject({ paragraph: null, item: null, anchor: 'art-14', exact: false });
    expect(findArticle('HN-14(14)')).toMatchObject({ paragraph: null, item: null, anchor: 'art-14', exact: false });
    expect(findArticle('HN-7.1(2)')).toMatchObject({ item: null, anchor: 'art-7-p1', exact: false });
    expect(findArticle('ID-8.4')!.article.number).toBe(8);
    expect(findArticle('ID-8.4')!.paragraph).toBeNull();
  });

  it('is null for an article the text does not have, or a malformed citation', () => {
    expect(findArticle('HN-99')).toBeNull();
    expect(findArticle('HN-27')).toBeNull();
    expect(findArticle('ID-17')).toBeNull();
    expect(findArticle('HN-0')).toBeNull();
    expect(findArticle('XX-1')).toBeNull();
    expect(findArticle('HN-14(二)')).toBeNull();
  });
});

describe('citations against the texts', () => {
  it('the shape kept in citations.ts matches the files', () => {
    expect(REGULATION_SHAPE.HN).toEqual(regulationShape(loadRegulation('HN')));
    expect(REGULATION_SHAPE.ID).toEqual(regulationShape(loadRegulation('ID')));
  });

  it('citationAnchor points at the most specific element that exists', () => {
    expect(citationAnchor('HN-14')).toBe('/regulations/henan#art-14');
    expect(citationAnchor('HN-14(2)')).toBe('/regulations/henan#art-14-i2');
    expect(citationAnchor('HN-14.1')).toBe('/regulations/henan#art-14-p1');
    expect(citationAnchor('HN-14.2')).toBe('/regulations/henan#art-14');
    expect(citationAnchor('ID-8.2')).toBe('/regulations/identity#art-8-p2');
    expect(citationAnchor('ID-11(3)')).toBe('/regulations/identity#art-11-i3');
    expect(citationAnchor('HN-99')).toBe('/regulations/henan#art-99');
    expect(citationAnchor('nonsense')).toBeNull();
    expect(isKnownCitation('HN-14(13)')).toBe(true);
    expect(isKnownCitation('HN-14(14)')).toBe(false);
    expect(isKnownCitation('HN-99')).toBe(false);
  });

  it('every anchor a citation resolves to is an element of the parsed text', () => {
    for (const doc of ['HN', 'ID'] as const) {
      const reg = loadRegulation(doc);
      const ids = new Set(articles(reg).flatMap((a) => [a.anchor, ...a.paragraphs.flatMap((p) => [p.anchor, ...p.items.map((i) => i.anchor)])]));
      for (const a of articles(reg)) {
        const codes = [a.citation, ...a.paragraphs.map((p) => `${a.citation}.${p.number}`), ...a.paragraphs.flatMap((p) => p.items.map((i) => `${a.citation}(${i.number})`))];
        for (const code of codes) {
          const hash = citationAnchor(code)!.split('#')[1];
          expect(ids.has(hash), `${code} → #${hash}`).toBe(true);
          expect(findArticle(code)!.anchor).toBe(hash);
        }
      }
      expect(ids.size).toBe(articles(reg).reduce((s, a) => s + 1 + a.paragraphs.reduce((t, p) => t + 1 + p.items.length, 0), 0));
    }
  });

  it('parseCitation is unchanged', () => {
    expect(parseCitation(' HN-14.1(2) ')).toEqual({ doc: 'HN', article: 14, paragraph: 1, item: 2 });
    expect(parseCitation('ID-8.2')).toEqual({ doc: 'ID', article: 8, paragraph: 2, item: undefined });
    expect(parseCitation('HN-11 ¶2')).toEqual({ doc: 'HN', article: 11, paragraph: 2, item: undefined });
    expect(parseCitation('HN-11¶2')).toEqual(parseCitation('HN-11.2'));
  });

  it('maps reader slugs to documents', () => {
    expect(regulationBySlug('henan')).toBe('HN');
    expect(regulationBySlug('identity')).toBe('ID');
    expect(regulationBySlug('HN')).toBeNull();
  });
});

describe('parseRegulation on other layouts', () => {
  it('full-width parentheses, two lists in one article (qualified item anchors), no header', () => {
    const reg = parseRegulation('HN', [
      '前言',
      '第一章 总　则',
      '第一条　第一款:',
      '（一）甲;',
      '（二）乙。',
      '第二款:',
      '(一)丙。',
      '第二章 附 则',
      '第二条 施行。',
    ].join('\n'));
    expect(reg.intro).toEqual(['前言']);
    expect(reg.chapters.map((c) => c.title)).toEqual(['第一章 总则', '第二章 附则']);
    const [one] = reg.chapters[0].articles;
    expect(one.paragraphs.map((p) => [p.text, p.items.map((i) => i.text)])).toEqual([['第一款:', ['甲;', '乙。']], ['第二款:', ['丙。']]]);
    expect(one.paragraphs[1].items[0].anchor).toBe('art-1-p2-i1');
    expect(reg.chapters[1].articles[0].paragraphs[0].text).toBe('施行。');
  });

  it('a reference to another article inside a paragraph does not start an article', () => {
    const reg = parseRegulation('ID', ['第一条 甲。', '违反本办法第一条规定的,处罚。', '第二条 乙。'].join('\n'));
    expect(articles(reg).map((a) => a.paragraphs.length)).toEqual([2, 1]);
  });
});
