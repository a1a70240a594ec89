import { useTranslation } from 'react-i18next';

/**
 * Dates, times and numbers in the interface language, through i18next's Intl-based formatter
 * (`datetime`, `relativetime`, `number`), so every screen formats the same way.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const fmt = i18n.services.formatter!;
  return {
    dateTime: (iso: string | Date, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }) =>
      fmt.format(new Date(iso), 'datetime', lng, opts),
    date: (iso: string | Date) => fmt.format(new Date(iso), 'datetime', lng, { dateStyle: 'medium' }),
    number: (n: number) => fmt.format(n, 'number', lng, {}),
    /** "5 minutes ago", "in 2 hours" — the largest unit that fits. */
    relative: (iso: string | Date, now = Date.now()) => {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      const [value, range] =
        abs < 60 ? [seconds, 'seconds'] : abs < 3600 ? [Math.round(seconds / 60), 'minutes'] : abs < 86400 ? [Math.round(seconds / 3600), 'hours'] : abs < 30 * 86400 ? [Math.round(seconds / 86400), 'days'] : [Math.round(seconds / (30 * 86400)), 'months'];
      return fmt.format(value, 'relativetime', lng, { range, numeric: 'auto', style: 'short' });
    },
  };
}
