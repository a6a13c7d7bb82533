// okrlint for VS Code: starts `okrlint server` and connects it to YAML and Markdown files.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const settings = vscode.workspace.getConfiguration("okrlint");
  const [command, ...args] = settings.get("command", ["okrlint", "server"]);
  client = new LanguageClient(
    "okrlint",
    "okrlint",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", language: "yaml" },
        { scheme: "file", language: "markdown" },
        { scheme: "untitled", language: "yaml" },
      ],
      initializationOptions: {
        debounce: settings.get("debounce", 200),
        unsafeFixes: settings.get("unsafeFixes", false),
      },
    },
  );
  return client.start();
}

async function stop() {
  if (client) {
    await client.stop();
    client = undefined;
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("okrlint.restart", async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("okrlint")) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
