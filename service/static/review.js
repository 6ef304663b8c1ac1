// claimtag review page: tag an article, show labels, send corrections. No dependencies.
"use strict";

const LABEL_NAMES = {
  attack: "attack",
  deployment: "deployment",
  official_statement: "official statement",
  casualty_report: "casualty report",
};
const state = { result: null, labels: Object.keys(LABEL_NAMES), docId: null };
const $ = (id) => document.getElementById(id);
const nameOf = (label) => LABEL_NAMES[label] || label;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message, isError) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

async function apiError(response) {
  try {
    const body = await response.json();
    if (body && body.error) return `${body.error.message} (${body.error.code})`;
  } catch (_) { /* not JSON */ }
  return `HTTP ${response.status}`;
}

async function loadModelInfo() {
  const info = $("model-info");
  try {
    const response = await fetch("/v1/model");
    if (!response.ok) { info.textContent = `Model: ${await apiError(response)}`; return; }
    const manifest = await response.json();
    if (Array.isArray(manifest.labels)) state.labels = manifest.labels;
    info.textContent = `Model ${manifest.version}`;
  } catch (err) {
    info.textContent = `Model: unreachable (${err.message})`;
  }
}

function fillFilter() {
  const select = $("filter");
  for (const label of state.labels) {
    if (select.querySelector(`option[value="${label}"]`)) continue;
    const option = el("option", "", `Label: ${nameOf(label)}`);
    option.value = label;
    select.insertBefore(option, select.querySelector('option[value="none"]'));
  }
}

function badge(label, extra) {
  return el("span", `badge ${label}`, extra ? `${nameOf(label)} ${extra}` : nameOf(label));
}

function renderScores(box, sentence) {
  for (const label of state.labels) {
    const p = sentence.scores[label];
    if (p === undefined) continue;
    const on = sentence.labels.includes(label);
    const item = el("span", on ? "score on" : "score");
    item.append(el("span", "", `${nameOf(label)} ${p.toFixed(2)}`));
    const meter = el("span", "meter");
    meter.setAttribute("aria-hidden", "true");
    const fill = el("span");
    fill.style.width = `${Math.round(p * 100)}%`;
    meter.append(fill);
    item.append(meter);
    box.append(item);
  }
}

const isEmpty = (value) => value === null || value === undefined || value === ""
  || (Array.isArray(value) && value.length === 0);
const words = (key) => key.replace(/_/g, " ");

function fieldText(value) {
  if (Array.isArray(value)) return value.map(fieldText).join("; ");
  if (value && typeof value === "object") {
    return Object.entries(value).filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${words(k)} ${fieldText(v)}`).join(", ");
  }
  return String(value);
}

function renderClaims(list, sentence) {
  for (const claim of sentence.claims) {
    const fields = Object.entries(claim)
      .filter(([k, v]) => !["label", "score", "evidence"].includes(k) && !isEmpty(v));
    const parts = fields.map(([k, v]) => `${words(k)}: ${fieldText(v)}`);
    list.append(el("dt", "", nameOf(claim.label)));
    list.append(el("dd", "", parts.length ? parts.join(" · ") : "no fields"));
  }
}

function renderEvidence(box, sentence) {
  const entries = Object.entries(sentence.evidence || {}).filter(([, items]) => items.length);
  if (!entries.length) return;
  box.append(el("span", "", "Evidence: "));
  for (const [label, items] of entries) {
    box.append(el("strong", "", `${nameOf(label)} `));
    for (const item of items) {
      const term = el("span", "term", item.feature);
      term.title = `${item.kind}, weight ${Number(item.weight).toFixed(2)}`;
      box.append(term);
    }
  }
}

function currentLabels(sentence) {
  return sentence.correction ? sentence.correction.labels : sentence.labels;
}

function renderBadges(box, sentence) {
  box.replaceChildren();
  const labels = currentLabels(sentence);
  for (const label of labels) {
    const score = sentence.scores[label];
    box.append(badge(label, sentence.correction || score === undefined ? "" : score.toFixed(2)));
  }
  if (!labels.length) box.append(el("span", "badge plain", "no label"));
  if (sentence.boilerplate) box.append(el("span", "badge plain", "boilerplate"));
  if (sentence.correction) box.append(el("span", "badge fixed", "corrected"));
}

function renderCorrection(item, sentence) {
  const boxes = item.querySelector(".boxes");
  const save = item.querySelector(".save");
  for (const label of state.labels) {
    const id = `fix-${sentence.index}-${label}`;
    const wrap = el("label");
    wrap.htmlFor = id;
    const box = el("input");
    box.type = "checkbox";
    box.id = id;
    box.value = label;
    box.checked = currentLabels(sentence).includes(label);
    box.addEventListener("change", () => { save.disabled = false; });
    wrap.append(box, document.createTextNode(nameOf(label)));
    boxes.append(wrap);
  }
  save.setAttribute("aria-label", `Save correction for sentence ${sentence.index + 1}`);
  save.addEventListener("click", () => saveCorrection(item, sentence));
}

function renderSentence(sentence) {
  const item = $("sentence-template").content.firstElementChild.cloneNode(true);
  item.dataset.index = String(sentence.index);
  item.querySelector(".num").textContent = `${sentence.index + 1}.`;
  item.querySelector(".text").textContent = sentence.text;
  item.classList.toggle("boilerplate", sentence.boilerplate);
  renderScores(item.querySelector(".scores"), sentence);
  renderClaims(item.querySelector(".claims"), sentence);
  renderEvidence(item.querySelector(".evidence"), sentence);
  renderCorrection(item, sentence);
  refreshSentence(item, sentence);
  return item;
}

function refreshSentence(item, sentence) {
  const labels = currentLabels(sentence);
  item.dataset.labels = labels.join(" ");
  if (labels.length) item.dataset.first = labels[0]; else delete item.dataset.first;
  const stripes = item.querySelector(".stripes");
  stripes.replaceChildren(...labels.map((label) => el("span", label)));
  renderBadges(item.querySelector(".badges"), sentence);
}

function renderCounts() {
  const counts = $("counts");
  counts.replaceChildren();
  for (const label of state.labels) {
    const n = state.result.sentences.filter((s) => currentLabels(s).includes(label)).length;
    const li = el("li");
    li.append(badge(label, String(n)));
    counts.append(li);
  }
}

function applyFilter() {
  const choice = $("filter").value;
  let shown = 0;
  const items = $("sentences").children;
  for (const item of items) {
    const labels = item.dataset.labels ? item.dataset.labels.split(" ") : [];
    const keep = choice === "all" || (choice === "any" && labels.length > 0)
      || (choice === "none" && labels.length === 0) || labels.includes(choice);
    item.hidden = !keep;
    if (keep) shown += 1;
  }
  $("shown").textContent = `Showing ${shown} of ${items.length} sentences`;
}

function render(result) {
  state.result = result;
  if (result.model && Array.isArray(result.model.labels)) state.labels = result.model.labels;
  fillFilter();
  const list = $("sentences");
  list.replaceChildren(...result.sentences.map(renderSentence));
  renderCounts();
  applyFilter();
  $("results").hidden = false;
}

async function saveCorrection(item, sentence) {
  const save = item.querySelector(".save");
  const note = item.querySelector(".saved");
  const labels = [...item.querySelectorAll(".boxes input:checked")].map((box) => box.value);
  const body = {
    text: sentence.text,
    labels,
    model_version: state.result.model.version,
    sentence_index: sentence.index,
  };
  if (state.docId) body.doc_id = state.docId;
  save.disabled = true;
  note.classList.remove("error");
  note.textContent = "Saving…";
  try {
    const response = await fetch("/v1/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await apiError(response));
    const saved = await response.json();
    sentence.correction = { id: saved.id, labels: saved.labels, created_at: saved.created_at };
    note.textContent = `Saved (correction #${saved.id})`;
    refreshSentence(item, sentence);
    renderCounts();
    applyFilter();
  } catch (err) {
    note.textContent = `Not saved: ${err.message}`;
    note.classList.add("error");
    save.disabled = false;
  }
}

async function tagArticle(event) {
  event.preventDefault();
  const text = $("article").value;
  if (!text.trim()) { setStatus("Paste or open an article first.", true); $("article").focus(); return; }
  const docId = $("doc-id").value.trim();
  state.docId = docId || null;
  const button = $("tag-button");
  button.disabled = true;
  setStatus("Tagging…");
  try {
    const body = docId ? { text, id: docId } : { text };
    const response = await fetch("/v1/tag", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await apiError(response));
    const result = await response.json();
    render(result);
    const tagged = result.sentences.filter((s) => s.labels.length).length;
    setStatus(`${result.sentences.length} sentences, ${tagged} with a label (model ${result.model.version}).`);
  } catch (err) {
    setStatus(`Could not tag: ${err.message}`, true);
  } finally {
    button.disabled = false;
  }
}

async function openFile() {
  const file = $("file").files[0];
  if (!file) return;
  try {
    $("article").value = await file.text();
    if (!$("doc-id").value) $("doc-id").value = file.name.replace(/\.[^.]+$/, "");
    setStatus(`Loaded ${file.name}; press “Tag article”.`);
  } catch (err) {
    setStatus(`Could not read ${file.name}: ${err.message}`, true);
  }
}

function download() {
  if (!state.result) return;
  const blob = new Blob([JSON.stringify(state.result, null, 2)], { type: "application/json" });
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${state.docId || "claimtag"}-tags.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("tag-form").addEventListener("submit", tagArticle);
  $("file").addEventListener("change", openFile);
  $("filter").addEventListener("change", applyFilter);
  $("download").addEventListener("click", download);
  fillFilter();
  loadModelInfo();
});
