// Calendar arithmetic on UTC days ("YYYY-MM-DD"), buckets and axis ticks.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86400000;

export function parseDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || ''));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the bucket holding `ms` (weeks start on Monday). */
export function bucketStart(ms, bucket) {
  const d = new Date(ms);
  if (bucket === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  if (bucket === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (bucket === 'week') return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  return ms;
}

/** Start of the bucket after the one that starts at `ms`. */
export function bucketNext(ms, bucket) {
  const d = new Date(ms);
  if (bucket === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (bucket === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (bucket === 'week') return ms + 7 * DAY;
  return ms + DAY;
}

export function formatBucket(ms, bucket) {
  const d = new Date(ms);
  if (bucket === 'year') return String(d.getUTCFullYear());
  if (bucket === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return bucket === 'week' ? `week of ${day}` : day;
}

/** About `count` round ticks between lo and hi (ms), with labels. */
export function timeTicks(lo, hi, count = 6) {
  const span = hi - lo;
  const years = span / (365.25 * DAY);
  const ticks = [];
  if (years >= count * 0.8) {
    const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => years / s <= count) ?? 100;
    let y = Math.ceil(new Date(lo).getUTCFullYear() / step) * step;
    for (; Date.UTC(y, 0, 1) <= hi; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t >= lo) ticks.push({ t, label: String(y) });
    }
    return ticks;
  }
  const months = span / (30.44 * DAY);
  if (months >= count * 0.8) {
    const step = [1, 2, 3, 6].find((s) => months / s <= count) ?? 12;
    const d = new Date(lo);
    let y = d.getUTCFullYear();
    let m = Math.ceil(d.getUTCMonth() / step) * step;
    for (;;) {
      const t = Date.UTC(y, m, 1);
      if (t > hi) break;
      if (t >= lo) {
        const date = new Date(t);
        const label = date.getUTCMonth() === 0 || ticks.length === 0
          ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : MONTHS[date.getUTCMonth()];
        ticks.push({ t, label });
      }
      m += step;
    }
    return ticks;
  }
  const days = span / DAY;
  const step = [1, 2, 7, 14].find((s) => days / s <= count) ?? 28;
  for (let t = Math.ceil(lo / DAY) * DAY; t <= hi; t += step * DAY) {
    const date = new Date(t);
    ticks.push({ t, label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` });
  }
  return ticks;
}

/** Round ticks for a count axis from 0 to max. */
export function countTicks(max, count = 4) {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw));
  const ticks = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
