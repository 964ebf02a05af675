import { Tag } from 'antd';

/**
 * A tag whose text keeps WCAG AA contrast (4.5:1) on its tint: antd's preset colors put mid-tone
 * text on a pale background, which axe flags. One palette for every status tag of the console.
 */
export type Tone = 'red' | 'orange' | 'gold' | 'green' | 'blue' | 'gray';

const TONES: Record<Tone, React.CSSProperties> = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  gold: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  gray: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function ToneTag({ tone, children, ...rest }: { tone: Tone; children: React.ReactNode } & Omit<React.ComponentProps<typeof Tag>, 'color'>) {
  return <Tag {...rest} style={{ ...TONES[tone], ...rest.style }}>{children}</Tag>;
}
