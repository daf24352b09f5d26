// One item's picture (file, else stored thumbnail), or its path when neither exists.
import { useContext, useEffect, useState } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { ItemImagesContext } from '../../hooks/useItemImages.ts';
import { baseName } from './evidence.ts';

export function ItemImage({ ex, row, large = false }: { ex: Experiment; row: number; large?: boolean }) {
  const images = useContext(ItemImagesContext);
  const hash = ex.hashes?.[row] ?? null;
  const direct = images?.fileUrl(ex, row) ?? null;
  const [thumb, setThumb] = useState<{ hash: string; url: string | null } | null>(null);
  useEffect(() => {
    if (direct || !images || !hash) return;
    let live = true;
    void images.thumbUrl(hash).then((url) => live && setThumb({ hash, url }));
    return () => { live = false; };
  }, [direct, images, hash]);
  const src = direct ?? (thumb && thumb.hash === hash ? thumb.url : null);
  const path = ex.rows[row].path;
  if (!src) return <span className={large ? 'noimg large' : 'noimg'} title={path}>{large ? path : baseName(path)}</span>;
  return <img className={large ? 'large' : undefined} src={src} alt={path} title={path} decoding="async" draggable={false} />;
}
