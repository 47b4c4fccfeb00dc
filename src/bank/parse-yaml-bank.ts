import { deckSchema } from './schema.js';
import { stripControlDeep } from './control-chars.js';
import { controlWarnings, issuesToDiagnostics, normaliseQuestion, type DeckInfo } from './normalise.js';
import { diagnostic, type Diagnostic, type Question } from './types.js';
import { parseYaml } from './yaml-source.js';
import { parseYamlByQuestion } from './yaml-split.js';

/** Above this many characters a bank is parsed one question at a time. */
export const LARGE = 256 * 1024;

export interface ParsedBank {
  questions: Question[];
  diagnostics: Diagnostic[];
}

/** Pure: the text of a YAML bank to questions and diagnostics. */
export function parseYamlBank(file: string, text: string, defaultDeck: string): ParsedBank {
  // Large banks are read question by question; the result is the same as a whole parse.
  const src = (text.length > LARGE ? parseYamlByQuestion(text) : undefined) ?? parseYaml(text);
  const err = (line: number, column: number, path: string, message: string) => diagnostic(file, { line, column }, path, message);
  if (src.errors.length) return { questions: [], diagnostics: src.errors.map((e) => err(e.line, e.column, '', e.message)) };
  const value = src.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { questions: [], diagnostics: [err(1, 1, '', 'a bank must be a mapping with a `questions` list (see "Bank format" in the README)')] };
  }
  // Deck fields are cleaned here; each question cleans its own (with its own locations).
  const { questions: rawQuestions, ...deckFields } = value as Record<string, unknown>;
  const clean = stripControlDeep(deckFields);
  const deckWarnings = controlWarnings(clean.found, file, [], src);
  const deck = deckSchema.safeParse({ ...(clean.value as object), questions: rawQuestions });
  if (!deck.success) return { questions: [], diagnostics: [...issuesToDiagnostics(deck.error.issues, file, [], src), ...deckWarnings] };
  const info: DeckInfo = { file, deck: deck.data.deck ?? defaultDeck, tags: deck.data.tags ?? [] };
  if (deck.data.source) info.source = deck.data.source;
  const questions: Question[] = [];
  const diagnostics: Diagnostic[] = [...deckWarnings];
  if (deck.data.questions.length === 0) diagnostics.push(err(src.locate(['questions']).line, 1, 'questions', 'the list is empty'));
  deck.data.questions.forEach((raw, i) => {
    const r = normaliseQuestion(raw, info, ['questions', i], src);
    if (r.question) questions.push(r.question);
    diagnostics.push(...r.diagnostics);
  });
  return { questions, diagnostics };
}
