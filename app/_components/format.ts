import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date the console shows is Asia/Shanghai, whatever the browser's or server's zone (DESIGN §3). */
export const TZ = 'Asia/Shanghai';

export function fmtDateTime(d: Date | string | number | null | undefined): string {
  return d === null || d === undefined ? '—' : dayjs(d).tz(TZ).format('YYYY-MM-DD HH:mm');
}

export function fmtDate(d: Date | string | number | null | undefined): string {
  return d === null || d === undefined ? '—' : dayjs(d).tz(TZ).format('YYYY-MM-DD');
}
