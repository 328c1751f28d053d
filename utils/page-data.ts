import bundledPageData from '~/data/generated/page-data.json';
import { toPageData, type PageData } from '~/lib/dataset/page-data';
import { importedDatasetItem } from './imported-dataset';

/** The page data of the active dataset: the user's import if any, else the bundle's. */
export async function getActivePageData(): Promise<PageData> {
  const imported = await importedDatasetItem.getValue();
  return imported ? toPageData(imported) : (bundledPageData as PageData);
}

export function watchActivePageData(callback: (data: PageData) => void): () => void {
  return importedDatasetItem.watch((imported) =>
    callback(imported ? toPageData(imported) : (bundledPageData as PageData)),
  );
}
