// The image model the next image run embeds with (issue 15): a built-in or one of the user's own
// models, remembered in localStorage so a reload keeps it, and the list of the user's models kept
// in this browser (src/storage/user-models.ts). A remembered user model that is gone (removed, or
// storage cleared) falls back to the default built-in rather than failing the next run.
import { useCallback, useEffect, useState } from 'react';
import { BUILTIN_IMAGE_MODELS, DEFAULT_IMAGE_MODEL_ID, type ImageModelChoice, type UserModel } from '../../models/model-choice.ts';
import type { RunRequest } from '../../pipeline/run-request.ts';
import { deleteUserModel, listUserModels, putUserModel, type UserModelInfo } from '../../storage/user-models.ts';

export const MODEL_CHOICE_KEY = 'synthscore.imageModel';
export const DEFAULT_MODEL_CHOICE: ImageModelChoice = { kind: 'builtin', id: DEFAULT_IMAGE_MODEL_ID };

function readStored(): ImageModelChoice {
  try {
    const raw = JSON.parse(localStorage.getItem(MODEL_CHOICE_KEY) ?? 'null') as ImageModelChoice | null;
    if (raw?.kind === 'builtin' && BUILTIN_IMAGE_MODELS.some((m) => m.id === raw.id)) return raw;
    if (raw?.kind === 'user' && typeof raw.sha256 === 'string' && /^[0-9a-f]{64}$/.test(raw.sha256)) return raw;
  } catch {
    // no storage (private mode) or a value from elsewhere: the default
  }
  return DEFAULT_MODEL_CHOICE;
}

/** One string per choice: the chooser's option values. */
export function choiceKey(c: ImageModelChoice): string {
  return c.kind === 'builtin' ? `builtin:${c.id}` : `user:${c.sha256}`;
}

/** The run request with the chosen model, for an image run (other modalities go unchanged). */
export function withModel(request: RunRequest, choice: ImageModelChoice): RunRequest {
  return request.modality === 'image' ? { ...request, model: choice } : request;
}

/** What the run's fingerprint adds for the model beyond the request (run-fingerprint.ts): a user
 *  model's manifest version, which changes when the same file is kept with another preprocessing. */
export function modelIdentity(m: Pick<ModelChoiceState, 'choice' | 'chosenUserModel'>): unknown {
  return m.choice.kind === 'user' ? { version: m.chosenUserModel?.manifest.version } : undefined;
}

export interface ModelChoiceState {
  choice: ImageModelChoice;
  setChoice(c: ImageModelChoice): void;
  /** The user's models kept in this browser (null until read). */
  userModels: UserModelInfo[] | null;
  /** The chosen user model's listing, if the choice is one. */
  chosenUserModel: UserModelInfo | null;
  /** Keeps a checked model and chooses it; rejects with the storage's message (e.g. full). */
  add(m: UserModel): Promise<void>;
  remove(sha256: string): Promise<void>;
  /** Reading the store failed (no IndexedDB): why. */
  error: string | null;
}

export function useModelChoice(): ModelChoiceState {
  const [choice, setChoiceState] = useState<ImageModelChoice>(readStored);
  const [userModels, setUserModels] = useState<UserModelInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => listUserModels().then(setUserModels, (e: Error) => {
    setUserModels([]);
    setError(`Your own models could not be read from this browser's storage: ${e.message}`);
  }), []);
  useEffect(() => { void refresh(); }, [refresh]);

  const setChoice = useCallback((c: ImageModelChoice) => {
    setChoiceState(c);
    try {
      localStorage.setItem(MODEL_CHOICE_KEY, JSON.stringify(c));
    } catch {
      // not remembered across reloads; this page still uses it
    }
  }, []);

  // A remembered user model that is no longer kept: back to the default.
  const missing = choice.kind === 'user' && userModels !== null && !userModels.some((m) => m.sha256 === choice.sha256);
  useEffect(() => { if (missing) setChoice(DEFAULT_MODEL_CHOICE); }, [missing, setChoice]);

  const add = useCallback(async (m: UserModel) => {
    await putUserModel(m);
    await refresh();
    setChoice({ kind: 'user', sha256: m.sha256 });
  }, [refresh, setChoice]);

  const remove = useCallback(async (sha256: string) => {
    await deleteUserModel(sha256);
    await refresh();
  }, [refresh]);

  const chosenUserModel = choice.kind === 'user' ? userModels?.find((m) => m.sha256 === choice.sha256) ?? null : null;
  return { choice: missing ? DEFAULT_MODEL_CHOICE : choice, setChoice, userModels, chosenUserModel, add, remove, error };
}
