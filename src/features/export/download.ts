/** The download helper lives in `src/ui` (the compare screen uses it too; features never import each other). */
export { downloadBlob, slug } from '@/ui/download';
