// The options page speaks Chinese or English, following the browser's language.
import { createContext, useContext } from 'react';
import { CATEGORY_LABELS, type Category } from '@/src/glossary/schema';
import { MAX_IMPORT_BYTES, type ImportError } from '@/src/glossary/import/result';
import type { OverLimit } from '@/src/glossary/import/preview';
import { MAX_GLOSSARY_ENTRIES } from '@/src/glossary/schema';
import type { RowProblem } from '@/src/glossary/validate';

export type UiLang = 'zh' | 'en';

export function browserLanguage(language: string | undefined = globalThis.navigator?.language): UiLang {
  return language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const STRINGS = {
  appTitle: { zh: 'Tifa 提法 · 词库', en: 'Tifa 提法 · Glossary' },
  tabGlossary: { zh: '词库', en: 'Glossary' },
  tabImport: { zh: '导入导出', en: 'Import & export' },
  tabExtract: { zh: '从讲话提取', en: 'Extract from a speech' },
  tabSettings: { zh: '设置', en: 'Settings' },
  loading: { zh: '正在载入…', en: 'Loading…' },
  entriesCount: { zh: '{shown} / {total} 条', en: '{shown} of {total} entries' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: { zh: '词语、拼音（lgwh）、英文、解释', en: 'Term, pinyin (lgwh), English, explanation' },
  category: { zh: '类别', en: 'Category' },
  salience: { zh: '显著程度', en: 'Salience' },
  salienceHint: {
    zh: '核心提法总会标出；背景词汇在“全部”和“每词首次”模式下标出；常用词默认不标。',
    en: 'Core formulas are always marked; context vocabulary in the “all” and “first occurrence” modes; everyday words only when switched on.',
  },
  displayMode: { zh: '标记哪些出现', en: 'Which occurrences to mark' },
  modeFirst: { zh: '每个词只标第一次出现（默认）', en: 'First occurrence of each term (default)' },
  modeAll: { zh: '全部出现', en: 'Every occurrence' },
  modeCore: { zh: '只标核心提法', en: 'Core formulas only' },
  showEveryday: { zh: '也标出常用词（干部、党建、市委……）', en: 'Also mark everyday words (干部, 党建, 市委…)' },
  showEverydayCoreNote: { zh: '“只标核心提法”模式下不标常用词。', en: 'Not in the “core formulas only” mode.' },
  allCategories: { zh: '全部类别', en: 'All categories' },
  collections: { zh: '词条来源', en: 'Collections' },
  collectionAll: { zh: '全部（{n}）', en: 'All ({n})' },
  collectionSpeech: { zh: '讲话与自建（{n}）', en: 'Speech & yours ({n})' },
  collectionNational: { zh: '全国性提法（{n}）', en: 'National formulations ({n})' },
  collectionSwitch: { zh: '在网页上使用“全国性提法”词条集', en: 'Use the National formulations collection on pages' },
  collectionAbout: {
    zh: '随 Tifa 提供的第二个词条集：近十年全国政治新闻中反复出现的编号和固定提法，每条都注明公开出处。可整体开关；关闭后网页上不再标出，词条仍保留在这里。',
    en: 'A second collection shipped with Tifa: numbered and fixed formulations that recur in national political news of the last decade, each with public sources. Switch it on or off as a whole; when off, pages no longer mark its terms, and the entries stay here.',
  },
  nationalBadge: { zh: '全国', en: 'national' },
  status: { zh: '状态', en: 'Status' },
  statusAll: { zh: '全部', en: 'All' },
  statusEnabled: { zh: '已启用', en: 'Enabled' },
  statusDisabled: { zh: '已停用', en: 'Disabled' },
  sort: { zh: '排序', en: 'Sort' },
  sortGlossary: { zh: '词库顺序', en: 'Glossary order' },
  sortPinyin: { zh: '按拼音', en: 'By pinyin' },
  sortCategory: { zh: '按类别', en: 'By category' },
  newEntry: { zh: '新建词条', en: 'New entry' },
  noResults: { zh: '没有匹配的词条。', en: 'No entries match.' },
  listLabel: { zh: '词条列表', en: 'Entries' },
  listHint: { zh: '上下方向键浏览，回车编辑，空格启用/停用', en: 'Arrow keys to move, Enter to edit, Space to switch on/off' },
  disabledBadge: { zh: '已停用', en: 'off' },
  editedBadge: { zh: '已修改', en: 'edited' },
  mineBadge: { zh: '自建', en: 'mine' },
  enabledToggle: { zh: '启用 {term}', en: 'Enable {term}' },
  editorEmpty: { zh: '从左侧选择一个词条，或新建一个。', en: 'Choose an entry on the left, or create a new one.' },
  editTitle: { zh: '编辑：{term}', en: 'Edit: {term}' },
  newTitle: { zh: '新建词条', en: 'New entry' },
  draftOf: { zh: '待添加 {n}/{total}', en: 'Draft {n} of {total}' },
  skipDraft: { zh: '跳过', en: 'Skip' },
  term: { zh: '词语', en: 'Term' },
  variants: { zh: '异写（每行一个）', en: 'Variants (one per line)' },
  pinyin: { zh: '拼音', en: 'Pinyin' },
  pinyinHint: { zh: '根据词语自动填写，可修改。', en: 'Filled in from the term; correct it if needed.' },
  pinyinRefill: { zh: '重新生成', en: 'Fill in again' },
  english: { zh: '英文译法（每行一个，第一个为正式译法）', en: 'English renderings (one per line, the official one first)' },
  summaryZh: { zh: '摘要（中文）', en: 'Summary (Chinese)' },
  summaryEn: { zh: '摘要（英文）', en: 'Summary (English)' },
  explanationZh: { zh: '解释（中文）', en: 'Explanation (Chinese)' },
  explanationEn: { zh: '解释（英文）', en: 'Explanation (English)' },
  components: { zh: '包括的内容', en: 'What it enumerates' },
  componentZh: { zh: '第 {n} 项（中文）', en: 'Item {n} (Chinese)' },
  componentEn: { zh: '第 {n} 项（英文）', en: 'Item {n} (English)' },
  addComponent: { zh: '添加一项', en: 'Add an item' },
  removeComponent: { zh: '删除第 {n} 项', en: 'Remove item {n}' },
  sourceQuote: { zh: '出处原文', en: 'Source sentence' },
  sourceSection: { zh: '出处章节', en: 'Source section' },
  since: { zh: '始于', en: 'Since' },
  englishOfficialBy: { zh: '第一个英文译法的使用者（官方译法）', en: 'Who uses the first English rendering (official)' },
  englishOfficialByHint: {
    zh: '如新华社、《中国关键词》、党章英文版。留空表示第一个译法是描述性的。',
    en: 'E.g. Xinhua, Keywords to Understand China, the English Party Constitution. Empty: the first rendering is descriptive.',
  },
  speechRoleZh: { zh: '在出处讲话中的作用（中文）', en: 'Role in the source speech (Chinese)' },
  speechRoleEn: { zh: '在出处讲话中的作用（英文）', en: 'Role in the source speech (English)' },
  sources: { zh: '公开来源（最多 3 个）', en: 'Public sources (up to 3)' },
  sourcesHint: {
    zh: '能核对这一词条的公开文本：官方文件、新华社、人民日报、求是、《中国关键词》等。',
    en: 'Public texts that back the entry up: official documents, Xinhua, People’s Daily, Qiushi, Keywords to Understand China…',
  },
  sourceN: { zh: '来源 {n}', en: 'Source {n}' },
  sourceTitle: { zh: '标题', en: 'Title' },
  sourcePublisher: { zh: '发布者或发文机关', en: 'Publisher or issuing body' },
  sourceDate: { zh: '日期', en: 'Date' },
  sourceDateHint: { zh: '2018、2018-07 或 2018-07-31', en: '2018, 2018-07 or 2018-07-31' },
  sourceUrl: { zh: '网址（https，可不填）', en: 'Address (https, optional)' },
  sourceSupports: { zh: '可以核对', en: 'It supports' },
  'support.meaning': { zh: '含义', en: 'meaning' },
  'support.english': { zh: '英文译法', en: 'English' },
  'support.date': { zh: '日期', en: 'date' },
  'support.items': { zh: '所列内容', en: 'items' },
  addSource: { zh: '添加来源', en: 'Add a source' },
  removeSource: { zh: '删除来源 {n}', en: 'Remove source {n}' },
  noPublicDefinition: {
    zh: '没有找到公开定义（地方说法；解释中要写明）',
    en: 'No public definition found (a local coinage; say so in the explanation)',
  },
  more: { zh: '更多', en: 'More' },
  id: { zh: '标识（id）', en: 'Identifier (id)' },
  idHint: { zh: '留空则根据拼音生成。', en: 'Left empty, it is made from the pinyin.' },
  related: { zh: '相关词条 id（每行一个）', en: 'Related entry ids (one per line)' },
  ambiguous: { zh: '易混淆（用分词确认，如“党组”与“党组织”）', en: 'Ambiguous (confirm by word segmentation, like 党组 vs 党组织)' },
  notWithin: { zh: '不在这些较长的词语里标注（每行一个）', en: 'Not marked inside these longer expressions (one per line)' },
  notWithinHint: { zh: '含有本词而意思不同的说法，如“四史”之于“前四史”。', en: 'Expressions that contain the term and mean something else, like 前四史 for 四史.' },
  otherSenseWords: { zh: '同一句中有这些词时不标注（每行一个）', en: 'Not marked when the sentence has one of these words (one per line)' },
  otherSenseWordsHint: {
    zh: '表明用作别的意思的词，如“留置”（留置权）句中的“债权人”。',
    en: 'Words that show another sense, like 债权人 (creditor) for 留置 as a lien.',
  },
  ownSenseWords: { zh: '但同一句中有这些词时仍标注（每行一个）', en: 'Marked after all when the sentence has one of these (one per line)' },
  ownSenseWordsHint: {
    zh: '表明本义的词，如“大湾区”与“旧金山湾区”并提时句中的“粤港澳”。',
    en: 'Words that show this sense, like 粤港澳 when 大湾区 stands beside 旧金山湾区.',
  },
  enabled: { zh: '启用', en: 'Enabled' },
  origin: { zh: '来源网页', en: 'Found on page' },
  save: { zh: '保存', en: 'Save' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  cancel: { zh: '取消', en: 'Cancel' },
  delete: { zh: '删除', en: 'Delete' },
  restoreShipped: { zh: '恢复为内置版本', en: 'Restore the shipped version' },
  saved: { zh: '已保存“{term}”。', en: 'Saved “{term}”.' },
  deleted: { zh: '已删除“{term}”。', en: 'Deleted “{term}”.' },
  undo: { zh: '撤销', en: 'Undo' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  restored: { zh: '已恢复“{term}”。', en: 'Restored “{term}”.' },
  fixErrors: { zh: '有 {n} 处需要修改，见标红的字段。', en: '{n} fields need attention; see the marked fields.' },
  changedElsewhere: {
    zh: '这个词条在另一个标签页中被修改了。保存会覆盖那次修改。',
    en: 'This entry was changed in another tab. Saving will overwrite that change.',
  },
  deletedElsewhere: { zh: '这个词条在另一个标签页中被删除了。保存会重新添加。', en: 'This entry was deleted in another tab. Saving adds it again.' },
  alreadyInGlossary: { zh: '“{term}”已在词库中，已为你打开。', en: '“{term}” is already in the glossary; it is open here.' },
  badDraft: { zh: '无法读取要添加的词条。', en: 'Could not read the entry to add.' },
  entryNotFound: { zh: '没有找到词条“{id}”。', en: 'No entry “{id}”.' },
  preview: { zh: '悬停提示预览', en: 'Tooltip preview' },
  previewEmpty: { zh: '填写后在此预览。', en: 'Fill in the form to see the preview.' },
  storageError: { zh: '保存失败：{message}', en: 'Could not save: {message}' },
  quotaError: {
    zh: '保存失败：浏览器存储空间已满。请删除一些词条或导出后精简。',
    en: 'Could not save: the browser’s storage is full. Delete some entries or export and trim the glossary.',
  },
  errRequired: { zh: '必填。', en: 'Required.' },
  errAtLeastOne: { zh: '至少填写一个。', en: 'Give at least one.' },
  errTooLong: { zh: '太长（最多 {n}）。', en: 'Too long (at most {n}).' },
  errTooMany: { zh: '太多（最多 {n} 个）。', en: 'Too many (at most {n}).' },
  errPinyin: { zh: '只能包含带声调的拼音字母、空格和撇号。', en: 'Letters with tone marks, spaces and apostrophes only.' },
  errId: { zh: '只能用小写字母、数字和连字符。', en: 'Lower-case letters, digits and hyphens only.' },
  errChoose: { zh: '请选择一项。', en: 'Choose one.' },
  errMarkup: { zh: '不能包含 HTML 或脚本代码。', en: 'Must not contain HTML or script code.' },
  errOrigin: { zh: '必须是网页地址（http、https 或 file）。', en: 'Must be a page address (http, https or file).' },
  errDuplicateId: { zh: 'id“{id}”重复。', en: 'Duplicate id “{id}”.' },
  errNotObject: { zh: '不是一个词条对象。', en: 'Not an entry object.' },
  errBothComponent: { zh: '中英文都要填写。', en: 'Fill in both languages.' },
  errSource: { zh: '出处原文和章节要一起填写。', en: 'Give both the source sentence and its section.' },
  errUrl: { zh: '必须是完整的 https:// 网址，如 https://www.gov.cn/…', en: 'Must be a full https:// address, like https://www.gov.cn/…' },
  errDate: { zh: '日期写作 2018、2018-07 或 2018-07-31。', en: 'Write the date as 2018, 2018-07 or 2018-07-31.' },
  errSupportsOnce: { zh: '每项只能选一次。', en: 'Each at most once.' },
  // Import and export
  exportTitle: { zh: '导出', en: 'Export' },
  exportHint: {
    zh: 'JSON 包含完整数据，可再次导入；CSV 可用 Excel 或 WPS 打开（UTF-8 带 BOM）。',
    en: 'JSON holds everything and imports back; CSV opens in spreadsheets (UTF-8 with BOM).',
  },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  importTitle: { zh: '导入', en: 'Import' },
  importHint: {
    zh: '选择 JSON 或 CSV 文件。导入前会先显示将要发生的变化。',
    en: 'Choose a JSON or CSV file. You will see what changes before anything is saved.',
  },
  chooseFile: { zh: '选择文件…', en: 'Choose a file…' },
  importFile: { zh: '要导入的文件', en: 'File to import' },
  reading: { zh: '正在读取…', en: 'Reading…' },
  importFailed: { zh: '无法导入“{name}”', en: 'Cannot import “{name}”' },
  unchangedNote: { zh: '词库没有任何改动。', en: 'Your glossary has not been changed.' },
  previewTitle: { zh: '导入预览：{name}', en: 'Import preview: {name}' },
  previewNew: { zh: '新增', en: 'New' },
  previewChanged: { zh: '有改动', en: 'Changed' },
  previewUnchanged: { zh: '未改动', en: 'Unchanged' },
  previewInvalid: { zh: '无效', en: 'Invalid' },
  previewMissing: { zh: '文件中没有的现有词条', en: 'Current entries not in the file' },
  previewGb18030: {
    zh: '文件不是 UTF-8 编码，已按 GB18030（中文 Windows 的默认编码）读取。请检查下面的文字是否正确。',
    en: 'The file is not UTF-8; it was read as GB18030 (the Chinese Windows encoding). Check that the text below looks right.',
  },
  previewIgnored: { zh: '忽略了不认识的列：{cols}', en: 'Ignored unknown columns: {cols}' },
  line: { zh: '第 {n} 行', en: 'Line {n}' },
  fields: { zh: '改动：{fields}', en: 'Changes: {fields}' },
  merge: { zh: '合并（{n} 条新增或更新）', en: 'Merge ({n} new or updated)' },
  replace: { zh: '替换整个词库（{n} 条）', en: 'Replace the glossary ({n} entries)' },
  replaceWarning: {
    zh: '替换会删除文件中没有的 {n} 个现有词条。',
    en: 'Replacing removes {n} current entries that are not in the file.',
  },
  nothingToImport: { zh: '文件中没有可导入的有效词条。', en: 'The file holds no valid entries to import.' },
  imported: { zh: '已导入：新增 {added}，更新 {changed}。', en: 'Imported: {added} new, {changed} updated.' },
  replaced: { zh: '已用文件替换词库（{n} 条）。', en: 'Replaced the glossary with the file ({n} entries).' },
  discard: { zh: '放弃', en: 'Discard' },
  andMore: { zh: '……还有 {n} 条', en: '…and {n} more' },
  shippedTitle: { zh: '内置词库', en: 'Shipped glossary' },
  shippedHint: {
    zh: '你修改或删除过的内置词条可以逐条恢复，也可以把整个词库恢复为内置版本。',
    en: 'Shipped entries you edited or deleted can be restored one by one, or the whole glossary reset.',
  },
  shippedSame: { zh: '所有内置词条都保持原样。', en: 'Every shipped entry is as shipped.' },
  stateEdited: { zh: '已修改', en: 'edited' },
  stateDeleted: { zh: '已删除', en: 'deleted' },
  restore: { zh: '恢复', en: 'Restore' },
  restoreLabel: { zh: '恢复 {term}', en: 'Restore {term}' },
  resetAll: { zh: '恢复内置词库…', en: 'Reset to the shipped glossary…' },
  resetConfirmTitle: { zh: '恢复内置词库？', en: 'Reset to the shipped glossary?' },
  resetConfirmBody: {
    zh: '你添加和修改的所有词条（共 {n} 条词条的词库）将被内置词库替换。此操作无法撤销，建议先导出备份。',
    en: 'Every entry you added or changed (in your {n}-entry glossary) is replaced by the shipped glossary. This cannot be undone; export a backup first.',
  },
  resetConfirm: { zh: '恢复', en: 'Reset' },
  resetDone: { zh: '已恢复内置词库。', en: 'The shipped glossary is back.' },
  mergeOverLimit: {
    zh: '无法合并：词库现有 {now} 条，文件新增 {adds} 条，合并后将有 {after} 条，超过 {limit} 条的上限。',
    en: 'Merging is refused: your glossary has {now} entries and the file adds {adds} new ones, {after} in all, over the limit of {limit} entries.',
  },
  replaceOverLimit: {
    zh: '无法替换：词库现有 {now} 条，文件有 {adds} 条，超过 {limit} 条的上限。',
    en: 'Replacing is refused: your glossary has {now} entries and the file brings {adds}, over the limit of {limit} entries.',
  },
  glossaryFull: {
    zh: '词库最多 {limit} 条，已经满了。请先删除一些词条。',
    en: 'A glossary holds at most {limit} entries, and yours is full. Delete some entries first.',
  },
  // Import progress
  importProgress: { zh: '导入进度', en: 'Import progress' },
  progressReading: { zh: '正在读取“{name}”…', en: 'Reading “{name}”…' },
  progressChecking: { zh: '正在检查“{name}”中的词条…{pct}%', en: 'Checking the entries of “{name}”… {pct}%' },
  progressComparing: { zh: '正在与词库比较…{pct}%', en: 'Comparing with your glossary… {pct}%' },
  progressSaving: { zh: '正在保存…{pct}%', en: 'Saving… {pct}%' },
  progressCount: { zh: '{done} / {total} 条', en: '{done} of {total} entries' },
  progressBusy: {
    zh: '导入完成前，保存、删除、导出和恢复暂不可用。',
    en: 'Saving, deleting, exporting and resetting wait until the import is done.',
  },
  cancelImport: { zh: '取消导入', en: 'Cancel the import' },
  // Import errors
  'import.too-large': { zh: '文件太大（{size}），上限为 {max}。', en: 'The file is too large ({size}); the limit is {max}.' },
  'import.empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'import.encoding': {
    zh: '无法识别文件编码，或这不是文本文件。请另存为 UTF-8 编码的 CSV 或 JSON。',
    en: 'The file is not readable text (unknown encoding, or not a text file). Save it as UTF-8 CSV or JSON.',
  },
  'import.json-syntax': { zh: 'JSON 格式有误{where}：{detail}', en: 'The JSON is broken{where}: {detail}' },
  'import.not-glossary': {
    zh: '这不是 Tifa 词库文件（缺少 format: "tifa-glossary" 或 entries）。',
    en: 'This is not a Tifa glossary file (no format: "tifa-glossary" or no entries).',
  },
  'import.newer-version': {
    zh: '这个文件来自更新版本的 Tifa（格式版本 {detail}）。请先更新 Tifa。',
    en: 'This file comes from a newer Tifa (format version {detail}). Update Tifa first.',
  },
  'import.bad-version': { zh: '文件的格式版本无效（{detail}）。', en: 'The file’s format version is not valid ({detail}).' },
  'import.csv-columns': { zh: 'CSV 缺少必需的列：{detail}', en: 'The CSV lacks required columns: {detail}' },
  'import.too-many': {
    zh: '文件有 {detail} 条词条，超过词库 {limit} 条的上限。',
    en: 'The file holds {detail} entries, over the limit of {limit} entries a glossary holds.',
  },
  'import.read-failed': { zh: '无法读取文件：{detail}', en: 'The file could not be read: {detail}' },
  atLine: { zh: '（第 {n} 行）', en: ' (line {n})' },
  // Extract
  extractTitle: { zh: '从讲话中提取新词条', en: 'Find new terms in a speech' },
  extractHint: {
    zh: '粘贴一篇讲话或打开 .txt 文件。分词在本页完成，不会发送到任何地方。',
    en: 'Paste a speech or open a .txt file. Segmentation runs in this page; nothing is sent anywhere.',
  },
  speechText: { zh: '讲话全文', en: 'Speech text' },
  openTxt: { zh: '打开 .txt 文件', en: 'Open a .txt file' },
  findCandidates: { zh: '查找候选词', en: 'Find candidates' },
  segmenterLoading: { zh: '正在载入分词词典…', en: 'Loading the segmentation dictionary…' },
  extractUnavailable: {
    zh: '提取器尚未就绪（src/glossary/extract.ts）。',
    en: 'The extractor is not available yet (src/glossary/extract.ts).',
  },
  extractFailed: { zh: '提取失败：{message}', en: 'Extraction failed: {message}' },
  candidates: { zh: '候选词（{n}）', en: 'Candidates ({n})' },
  noCandidates: { zh: '没有找到新的候选词。', en: 'No new candidates found.' },
  count: { zh: '次数', en: 'Count' },
  context: { zh: '上下文', en: 'Context' },
  inGlossary: { zh: '已在词库', en: 'in glossary' },
  addSelected: { zh: '逐条添加所选（{n}）', en: 'Add the selected ({n}), one by one' },
  selectCandidate: { zh: '选择 {term}', en: 'Select {term}' },
  // Settings
  settingsTitle: { zh: '设置', en: 'Settings' },
  language: { zh: '解释语言', en: 'Explanation language' },
  langZh: { zh: '中文', en: 'Chinese' },
  langEn: { zh: '英文', en: 'English' },
  langBoth: { zh: '中英双语', en: 'Both' },
  highlightStyle: { zh: '标记样式', en: 'Highlight style' },
  styleUnderline: { zh: '下划线', en: 'Underline' },
  styleBackground: { zh: '底色', en: 'Background' },
  styleBoth: { zh: '下划线加底色', en: 'Both' },
  colors: { zh: '各类别的颜色', en: 'Colour per category' },
  colorsDefault: {
    zh: '页面上所有类别默认用同一种安静的颜色；给某个类别选一种颜色，就能把它区分出来。',
    en: 'Pages mark every category in one quiet colour by default; pick a colour for a category to tell it apart.',
  },
  colorFor: { zh: '{category} 的颜色', en: 'Colour for {category}' },
  defaultColor: { zh: '默认', en: 'default' },
  resetColor: { zh: '恢复默认', en: 'Default' },
  resetColorFor: { zh: '恢复 {category} 的默认颜色', en: 'Default colour for {category}' },
  hoverDelay: { zh: '悬停延迟（毫秒）', en: 'Hover delay (ms)' },
  showBadge: { zh: '在工具栏图标上显示本页词条数', en: 'Show the number of terms on the toolbar icon' },
  sites: { zh: '网站', en: 'Sites' },
  siteMode: { zh: '在哪些网站上运行', en: 'Where Tifa runs' },
  siteModeEverywhere: { zh: '所有网站，下列网站除外（开关为“关”的）', en: 'Everywhere, except listed sites switched off' },
  siteModeListed: { zh: '只在下列网站（开关为“开”的）', en: 'Only on listed sites switched on' },
  host: { zh: '网站域名', en: 'Site host' },
  hostPlaceholder: { zh: '例如 people.com.cn', en: 'e.g. people.com.cn' },
  subdomains: { zh: '含子域名', en: 'Subdomains' },
  siteOn: { zh: '开', en: 'On' },
  addSite: { zh: '添加网站', en: 'Add site' },
  removeSite: { zh: '删除 {host}', en: 'Remove {host}' },
  subdomainsFor: { zh: '{host} 含子域名', en: 'Include subdomains of {host}' },
  siteOnFor: { zh: '在 {host} 上运行', en: 'Run on {host}' },
  noSites: { zh: '还没有网站规则。', en: 'No site rules yet.' },
  badHost: { zh: '请输入域名，例如 news.cn。', en: 'Enter a host name, like news.cn.' },
  hostExists: { zh: '这个网站已在列表中。', en: 'This site is already listed.' },
  settingsSaved: { zh: '设置已保存。', en: 'Settings saved.' },
} satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof STRINGS;
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  return (key, vars) => {
    let s: string = STRINGS[key][lang];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

export const I18nContext = createContext<{ lang: UiLang; t: Translate }>({ lang: 'en', t: translator('en') });
export const useI18n = () => useContext(I18nContext);

export function categoryLabel(category: Category, lang: UiLang): string {
  return CATEGORY_LABELS[category][lang];
}

/** A row problem (from the schema or the import checks) as a sentence for the user. */
export function problemText(problem: RowProblem, t: Translate): string {
  switch (problem.kind) {
    case 'markup':
      return t('errMarkup');
    case 'origin':
      return t('errOrigin');
    case 'duplicate-id':
      return t('errDuplicateId', { id: problem.id });
    case 'not-object':
      return t('errNotObject');
    case 'schema': {
      if (/^sources\.\d+\.url$/.test(problem.field)) return t('errUrl');
      if (/^sources\.\d+\.date$/.test(problem.field)) return t('errDate');
      if (/^sources\.\d+\.supports$/.test(problem.field) && problem.code === 'custom') return t('errSupportsOnce');
      if (problem.code === 'too_small') return isList(problem.field) ? t('errAtLeastOne') : t('errRequired');
      if (problem.code === 'too_big') return isList(problem.field) ? t('errTooMany', { n: problem.limit ?? '' }) : t('errTooLong', { n: problem.limit ?? '' });
      if (problem.code === 'invalid_format') return problem.field.startsWith('pinyin') ? t('errPinyin') : t('errId');
      if (problem.code === 'invalid_value') return t('errChoose');
      if (problem.code === 'invalid_type' && problem.message.includes('undefined')) return t('errRequired');
      return problem.message;
    }
  }
}

const LIST_FIELDS = new Set(['english', 'variants', 'components', 'related', 'sources']);
const isList = (field: string) => LIST_FIELDS.has(field);

/** A count as the page writes numbers: 50,000. */
export const formatCount = (n: number): string => n.toLocaleString('en');

export function importErrorText(error: ImportError, t: Translate): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  switch (error.code) {
    case 'too-large':
      return t('import.too-large', { size: mb(Number(error.detail ?? 0)), max: mb(MAX_IMPORT_BYTES) });
    case 'too-many':
      return t('import.too-many', { detail: formatCount(Number(error.detail ?? 0)), limit: formatCount(MAX_GLOSSARY_ENTRIES) });
    case 'json-syntax':
      return t('import.json-syntax', { where: error.line ? t('atLine', { n: error.line }) : '', detail: error.detail ?? '' });
    default:
      return t(`import.${error.code}`, { detail: error.detail ?? '' });
  }
}

/** Why an import is refused at the entry limit, with the numbers. */
export function overLimitText(refusal: OverLimit, t: Translate): string {
  const vars = { now: formatCount(refusal.now), adds: formatCount(refusal.adds), after: formatCount(refusal.after), limit: formatCount(refusal.limit) };
  return t(refusal.mode === 'merge' ? 'mergeOverLimit' : 'replaceOverLimit', vars);
}
