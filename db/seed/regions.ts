/** 河南 and its 19 units: 17 省辖市 (GB/T 2260), 济源示范区 419001, and 航空港区 (internal code, marked). */
export const HENAN_REGIONS: { code: string; name: string; parentCode: string | null; level: 'province' | 'city'; internal?: boolean }[] = [
  { code: '410000', name: '河南省', parentCode: null, level: 'province' },
  { code: '410100', name: '郑州市', parentCode: '410000', level: 'city' },
  { code: '410200', name: '开封市', parentCode: '410000', level: 'city' },
  { code: '410300', name: '洛阳市', parentCode: '410000', level: 'city' },
  { code: '410400', name: '平顶山市', parentCode: '410000', level: 'city' },
  { code: '410500', name: '安阳市', parentCode: '410000', level: 'city' },
  { code: '410600', name: '鹤壁市', parentCode: '410000', level: 'city' },
  { code: '410700', name: '新乡市', parentCode: '410000', level: 'city' },
  { code: '410800', name: '焦作市', parentCode: '410000', level: 'city' },
  { code: '410900', name: '濮阳市', parentCode: '410000', level: 'city' },
  { code: '411000', name: '许昌市', parentCode: '410000', level: 'city' },
  { code: '411100', name: '漯河市', parentCode: '410000', level: 'city' },
  { code: '411200', name: '三门峡市', parentCode: '410000', level: 'city' },
  { code: '411300', name: '南阳市', parentCode: '410000', level: 'city' },
  { code: '411400', name: '商丘市', parentCode: '410000', level: 'city' },
  { code: '411500', name: '信阳市', parentCode: '410000', level: 'city' },
  { code: '411600', name: '周口市', parentCode: '410000', level: 'city' },
  { code: '411700', name: '驻马店市', parentCode: '410000', level: 'city' },
  { code: '419001', name: '济源示范区', parentCode: '410000', level: 'city' },
  // 郑州航空港经济综合实验区: no GB/T 2260 code of its own; an internal code under 郑州 (DESIGN §1).
  { code: '410100A01', name: '郑州航空港经济综合实验区', parentCode: '410100', level: 'city', internal: true },
];
