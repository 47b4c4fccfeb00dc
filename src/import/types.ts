import type { Difficulty } from '../bank/types.js';

/** A question read from someone's notes, before it has an id. */
export interface Draft {
  prompt: string;
  answer: string;
  tags: string[];
  difficulty?: Difficulty;
  /** Where it came from: a line of a text file, or a note's position in an Anki deck. */
  line: number;
}

/** Something in the input that did not become a question, and why. */
export interface Skipped {
  line: number;
  reason: string;
}

export interface ImageLink {
  line: number;
  url: string;
}

export interface DraftBank {
  deck: string;
  questions: Draft[];
}

/** What an importer read: banks of drafts and everything worth telling the person. */
export interface ImportResult {
  banks: DraftBank[];
  skipped: Skipped[];
  /** Relative image links: the images are not copied, so they will not show. */
  images: ImageLink[];
  /** What `line` counts in this input. */
  unit: 'line' | 'note';
  /** A licence line found in the input, e.g. "License: CC BY 4.0". */
  licence?: string;
  /** How questions were recognised, e.g. "bold lines". */
  style?: string;
  /** Control characters removed from the text. */
  controls: number;
}

/** One note of an Anki collection, as the .apkg reader gives it. */
export interface AnkiNote {
  guid: string;
  /** The note type's name, e.g. "Basic" or "Cloze". */
  model: string;
  fieldNames: string[];
  /** HTML, one per field name. */
  fields: string[];
  tags: string[];
  /** The deck of the note's first card; subdecks as "Parent::Child". */
  deck: string;
}
