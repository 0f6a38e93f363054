import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportMode, ImportRequest } from './upload-import';

/**
 * Check first, then commit the same file: choosing a file runs a dry run and forgets the previous
 * answer; `commit` sends the chosen file again for real. The answer of either is `result`.
 */
export function useImportFlow<R>(upload: UseMutationResult<R, unknown, ImportRequest>) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const run = (f: File, mode: ImportMode) => upload.mutate({ file: f, mode }, { onSuccess: (body) => setResult(body) });
  return {
    file,
    result,
    choose(f: File | null) {
      setFile(f);
      setResult(null);
      if (f) run(f, 'dry-run');
    },
    commit() {
      if (file) run(file, 'commit');
    },
  };
}
