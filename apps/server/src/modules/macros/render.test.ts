import { describe, expect, it } from 'vitest';
import { CreateMacroBody, placeholderProblems } from '@switchboard/contracts';
import { chooseLanguage, cleanTexts, firstName, macroProblems, renderText } from './render.ts';

describe('renderText', () => {
  const values = { 'customer.name': 'Anna Schmidt', 'customer.firstName': 'Anna', 'case.number': '1042', 'agent.name': 'Jonas Becker', 'team.name': null };

  it('fills every known placeholder, with or without spaces inside the braces', () => {
    const r = renderText('Hallo {{customer.firstName}}, Fall {{ case.number }} – {{agent.name}}', values);
    expect(r.text).toBe('Hallo Anna, Fall 1042 – Jonas Becker');
    expect(r.missing).toEqual([]);
  });

  it('uses the fallback after | when the value is empty, and reports a missing value only without one', () => {
    expect(renderText('Team: {{team.name|Customer Service}}', values)).toEqual({ text: 'Team: Customer Service', missing: [] });
    expect(renderText('Team: {{team.name}}. Email {{customer.email}} {{team.name}}', values)).toEqual({ text: 'Team: . Email  ', missing: ['team.name', 'customer.email'] });
    expect(renderText('Hello {{customer.firstName|there}}', { 'customer.firstName': '  ' }).text).toBe('Hello there');
  });

  it('leaves unknown placeholders as written (the preview shows them) and text without any untouched', () => {
    expect(renderText('Hi {{customer.fristName}} {{x}}', values).text).toBe('Hi {{customer.fristName}} {{x}}');
    expect(renderText('no braces: 100 % {sure}', values).text).toBe('no braces: 100 % {sure}');
  });

  it('does not interpret a value as a placeholder (a subject that contains braces stays literal)', () => {
    expect(renderText('Re: {{case.subject}}', { 'case.subject': 'Error {{agent.name}}' }).text).toBe('Re: Error {{agent.name}}');
  });
});

describe('placeholder validation', () => {
  it('names an unknown placeholder and lists the known ones', () => {
    const [problem] = placeholderProblems('Hallo {{customer.fristName}}!');
    expect(problem).toContain('unknown placeholder {{customer.fristName}}');
    expect(problem).toContain('{{customer.firstName}}');
    expect(placeholderProblems('{{ case.number }} {{customer.firstName|there}}')).toEqual([]);
  });

  it('finds a placeholder that is not closed', () => {
    expect(placeholderProblems('Hello {{customer.name, how are you')).toEqual([expect.stringContaining('not closed')]);
    expect(placeholderProblems('Hello customer.name}}')).toEqual([expect.stringContaining('not closed')]);
  });

  it('the contract refuses a macro with an unknown placeholder, naming the language text at fault', () => {
    const res = CreateMacroBody.safeParse({ name: 'x', scope: 'personal', defaultLanguage: 'en', texts: { en: 'Hi {{customer.firstName}}', de: 'Hallo {{kunde.name}}' } });
    expect(res.success).toBe(false);
    const issue = res.error!.issues[0]!;
    expect(issue.path).toEqual(['texts', 'de']);
    expect(issue.message).toContain('{{kunde.name}}');
  });

  it('a macro needs a text or an action, and a text in its default language when it has texts', () => {
    expect(macroProblems({}, 'en', 0)).toEqual([{ field: 'body.texts', message: expect.stringContaining('text or an action') }]);
    expect(macroProblems({}, 'en', 1)).toEqual([]);
    expect(macroProblems({ de: 'Hallo' }, 'en', 0)[0]!.field).toBe('body.texts.en');
    expect(macroProblems({ en: 'Hi', de: 'Hallo' }, 'de', 0)).toEqual([]);
  });

  it('drops blank texts', () => {
    expect(cleanTexts({ en: 'Hi', de: '  ', tr: '' })).toEqual({ en: 'Hi' });
  });
});

describe('chooseLanguage', () => {
  const texts = { en: 'Hello', de: 'Hallo' };
  it("uses the customer's preferred language when the macro has a text in it", () => {
    expect(chooseLanguage(texts, 'en', 'de')).toEqual({ language: 'de', requestedLanguage: 'de', fellBack: false });
  });
  it('falls back to the default language, and says so', () => {
    expect(chooseLanguage(texts, 'en', 'tr')).toEqual({ language: 'en', requestedLanguage: 'tr', fellBack: true });
    expect(chooseLanguage({ en: 'Hello', et: ' ' }, 'en', 'et').fellBack).toBe(true);
  });
  it('an unknown customer language is no fallback: the default is simply used', () => {
    expect(chooseLanguage(texts, 'de', null)).toEqual({ language: 'de', requestedLanguage: null, fellBack: false });
    expect(chooseLanguage(texts, 'de', 'fr')).toEqual({ language: 'de', requestedLanguage: null, fellBack: false });
  });
});

describe('firstName', () => {
  it('takes the first word', () => {
    expect(firstName('  Ayşe Kaya ')).toBe('Ayşe');
    expect(firstName('Madonna')).toBe('Madonna');
    expect(firstName(null)).toBeNull();
    // titles and forms of address are not first names; a name made from an email address is none
    expect(firstName('Dr. Anna Schmidt')).toBe('Anna');
    expect(firstName('Frau Prof. Dr. Anna-Lena Vogel')).toBe('Anna-Lena');
    expect(firstName('Schmidt, Anna')).toBe('Anna');
    expect(firstName('Herr Müller')).toBeNull();
    expect(firstName('Sayın Yılmaz')).toBeNull();
    expect(firstName('kunde42')).toBeNull();
    expect(firstName('anna.schmidt')).toBeNull();
  });
});
