// Which documents and lines get the signed-URL hover and CodeLens. Shared by the activation bundle's
// stand-ins (src/lazyFeatures.ts), which use it to decide whether to load the features at all, and
// by the providers themselves; so it imports nothing but types.
import type * as vscode from 'vscode';

/** Files on disk and untitled editors; not output channels, diffs of git history or settings. */
export const SIGNED_URL_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** A query parameter only signed CloudFront URLs carry. */
export const SIGNED_URL_PARAMETER = /[?&]Signature=/;
