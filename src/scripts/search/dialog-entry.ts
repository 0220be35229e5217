/**
 * The search dialog's code as a page script that only runs when the loader in
 * SearchDialog.astro inserts it (it ships inside a <template>, which the
 * browser neither fetches nor runs). It hands the controller back with an
 * event. A plain dynamic import() would pull Vite's module-preload helper
 * (about 1 KB gzip) into the loader that every page runs before any interaction.
 */
import { setupDialog } from './dialog.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
if (dialog) dispatchEvent(new CustomEvent('broadsheet:search-dialog', { detail: setupDialog(dialog) }));
