import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { languages } from '@switchboard/contracts/constants';
import { useSession } from '../auth/session.tsx';
import type { KnowledgeLanguage } from './types.ts';

/** Supervisors and admins edit; everyone on staff reads (the server checks the same). */
export function useCanEditKnowledge(): boolean {
  const { user } = useSession();
  return user.role === 'supervisor' || user.role === 'admin';
}

/** The language articles are shown in: the one picked here, else the interface language. */
export function useListLanguage(): [KnowledgeLanguage, (l: KnowledgeLanguage) => void] {
  const { i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('lang');
  const current = (languages as readonly string[]).includes(fromUrl ?? '') ? (fromUrl as KnowledgeLanguage) : ((languages as readonly string[]).includes(i18n.language) ? i18n.language : 'en') as KnowledgeLanguage;
  return [current, (l) => setParams((p) => ({ ...Object.fromEntries(p), lang: l }), { replace: true })];
}
