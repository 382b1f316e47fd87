// The Ui of a person: QuickPick and InputBox with a Back button from the second step on, validation
// as the user types (a stale asynchronous result is ignored), a busy list while items load, modal
// warnings, file dialogs and progress notifications.
import * as vscode from 'vscode';
import { CancellationError } from '../errors';
import { GoBack, type FileOptions, type InputOptions, type PickItem, type PickManyOptions, type PickOptions, type StepPosition, type Ui } from './ui';

type Input = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/** Applies title, step and Back button, and settles on accept/Back/hide; disposes the widget afterwards. */
function show<R>(widget: Input, title: string, position: StepPosition | undefined, onAccept: (settle: (result: R) => void) => void | Promise<void>): Promise<R> {
  widget.title = title;
  widget.ignoreFocusOut = true;
  if (position) {
    widget.step = position.step;
    widget.totalSteps = position.totalSteps;
  }
  widget.buttons = position?.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      widget.dispose();
    };
    widget.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) settle(() => reject(new GoBack()));
    });
    widget.onDidAccept(() => void onAccept((result) => settle(() => resolve(result))));
    widget.onDidHide(() => settle(() => reject(new CancellationError())));
    widget.show();
  });
}

function itemsOf<T>(widget: vscode.QuickPick<vscode.QuickPickItem>, items: readonly PickItem<T>[]): Map<vscode.QuickPickItem, T> {
  const map = new Map<vscode.QuickPickItem, T>();
  widget.items = items.map((item) => {
    const quickPickItem: vscode.QuickPickItem = { label: item.label, description: item.description, detail: item.detail };
    map.set(quickPickItem, item.value);
    return quickPickItem;
  });
  return map;
}

/** A QuickPick that shows busy until its items arrive; `values` maps its rows back to their values. */
function loadPick<T>(options: PickOptions<T> | PickManyOptions<T>, canSelectMany: boolean) {
  const state = { widget: vscode.window.createQuickPick(), values: new Map<vscode.QuickPickItem, T>() };
  const widget = state.widget;
  widget.canSelectMany = canSelectMany;
  widget.placeholder = options.placeholder;
  widget.matchOnDescription = true;
  widget.busy = true;
  void Promise.resolve(options.items).then(
    (items) => {
      state.values = itemsOf(widget, items);
      const picked = widget.items.filter((_, i) => items[i].picked);
      if (canSelectMany) widget.selectedItems = picked;
      else if (widget.value) {
        // Someone typed while the list loaded: VS Code filters the new rows but activates none, so
        // Enter would accept nothing. Activate the first row the text matches, as typing does.
        const typed = widget.value.toLowerCase();
        const match = widget.items.find((item) => `${item.label} ${item.description ?? ''}`.toLowerCase().includes(typed));
        if (match) widget.activeItems = [match];
      } else if (picked.length) widget.activeItems = picked;
      widget.busy = false;
    },
    (error: unknown) => {
      widget.busy = false;
      widget.placeholder = error instanceof Error ? error.message : String(error);
    },
  );
  return state;
}

/**
 * Why a pick refused the choice. QuickPick has no validation message: the title says it, where it is
 * seen whatever was typed into the filter, until the user changes the choice.
 */
function refusal(widget: vscode.QuickPick<vscode.QuickPickItem>, title: string) {
  return {
    say: (problem: string) => {
      widget.title = problem;
    },
    clear: () => {
      if (widget.title !== title) widget.title = title;
    },
  };
}

export class VscodeUi implements Ui {
  async pick<T>(options: PickOptions<T>): Promise<T> {
    const state = loadPick(options, false);
    const refuse = refusal(state.widget, options.title);
    state.widget.onDidChangeActive(refuse.clear);
    return show<T>(state.widget, options.title, options.position, (settle) => {
      const chosen = state.widget.selectedItems[0] ?? state.widget.activeItems[0];
      if (!chosen || !state.values.has(chosen)) return;
      const value = state.values.get(chosen) as T;
      const problem = options.validate?.(value);
      if (problem) return refuse.say(problem);
      settle(value);
    });
  }

  async pickMany<T>(options: PickManyOptions<T>): Promise<T[]> {
    const state = loadPick(options, true);
    const refuse = refusal(state.widget, options.title);
    state.widget.onDidChangeSelection(() => {
      refuse.clear();
      // A click on a row's checkbox leaves the keyboard focus on that checkbox, where VS Code's Enter
      // ticks or unticks it again. Give the focus back to the filter box: there Enter accepts and Space
      // still ticks the row the arrows move to (VS Code's convention for multi-select picks).
      void vscode.commands.executeCommand('workbench.action.focusQuickOpen');
    });
    return show<T[]>(state.widget, options.title, options.position, (settle) => {
      const values = state.widget.selectedItems.filter((i) => state.values.has(i)).map((i) => state.values.get(i) as T);
      const problem = options.validate?.(values);
      if (problem) return refuse.say(problem);
      settle(values);
    });
  }

  input(options: InputOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    box.prompt = options.prompt;
    box.placeholder = options.defaultValue ?? options.placeholder;
    // An empty box means the default it shows: validated and accepted as if typed.
    const answer = (value: string) => (value === '' && options.defaultValue !== undefined ? options.defaultValue : value);
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    let generation = 0;
    const validate = async (value: string): Promise<string | undefined> => {
      const mine = ++generation;
      box.busy = true;
      try {
        const message = await options.validate?.(value);
        if (mine === generation) box.validationMessage = message;
        return message;
      } finally {
        if (mine === generation) box.busy = false;
      }
    };
    const describe = (value: string) => {
      if (options.describe) box.prompt = options.describe(value) ?? options.prompt;
    };
    box.onDidChangeValue((value) => {
      describe(answer(value));
      void validate(answer(value));
    });
    describe(answer(box.value));
    if (box.value) void validate(box.value);
    const pasted = show<string>(box, options.title, options.position, async (settle) => {
      const value = answer(box.value);
      box.enabled = false;
      const message = await validate(value);
      box.enabled = true;
      if (!message) settle(value);
    });
    if (options.offerPaste) {
      // Added after show(), which sets the Back button: the clipboard is read only when this is pressed.
      const paste: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('clippy'), tooltip: vscode.l10n.t('Paste from the clipboard') };
      box.buttons = [...box.buttons, paste];
      box.onDidTriggerButton((button) => {
        if (button !== paste) return;
        void this.readClipboard().then((text) => {
          box.value = text.trim();
          describe(answer(box.value));
          void validate(answer(box.value));
        });
      });
    }
    return pasted;
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, ...actions);
  }

  async chooseFile(options: FileOptions): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (options.save) {
      return vscode.window.showSaveDialog({
        title: options.title,
        filters: options.filters,
        ...(folder && options.defaultName ? { defaultUri: vscode.Uri.joinPath(folder, options.defaultName) } : {}),
      });
    }
    const chosen = await vscode.window.showOpenDialog({
      title: options.title,
      canSelectMany: false,
      ...(options.folder ? { canSelectFolders: true, canSelectFiles: false } : { filters: options.filters }),
    });
    return chosen?.[0];
  }

  selection(): string {
    const editor = vscode.window.activeTextEditor;
    return editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  }

  async readClipboard(): Promise<string> {
    return vscode.env.clipboard.readText();
  }

  async writeClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  }

  withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress<T>({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal);
        } finally {
          listener.dispose();
        }
      }),
    );
  }

  withProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => task((message) => progress.report({ message }))));
  }
}
