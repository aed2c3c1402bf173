// The rich-text editor of congress documents (tiptap): headings, emphasis, lists, tables, links — what a report pasted from
// Word keeps. The server sanitises what it is sent all the same (src/modules/congress/congress.documents.ts).
import { Button, Group, Input, Text } from '@mantine/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './RichTextField.css';

interface Props {
  label: string;
  description?: string;
  /** the document's HTML, and whether it has any text */
  onChange: (html: string, empty: boolean) => void;
}

type Tool = { key: string; glyph: string; active?: (e: Editor) => boolean; run: (e: Editor) => void; can?: (e: Editor) => boolean };

const TOOLS: Tool[] = [
  { key: 'bold', glyph: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', glyph: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'underline', glyph: 'U', active: (e) => e.isActive('underline'), run: (e) => e.chain().focus().toggleUnderline().run() },
  { key: 'heading2', glyph: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'heading3', glyph: 'H3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'bulletList', glyph: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'orderedList', glyph: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'table', glyph: '▦', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), can: (e) => !e.isActive('table') },
  { key: 'addRow', glyph: '+≡', run: (e) => e.chain().focus().addRowAfter().run(), can: (e) => e.isActive('table') },
  { key: 'addColumn', glyph: '+⫴', run: (e) => e.chain().focus().addColumnAfter().run(), can: (e) => e.isActive('table') },
  { key: 'undo', glyph: '↶', run: (e) => e.chain().focus().undo().run(), can: (e) => e.can().undo() },
  { key: 'redo', glyph: '↷', run: (e) => e.chain().focus().redo().run(), can: (e) => e.can().redo() },
];

export function RichTextField({ label, description, onChange }: Props) {
  const { t } = useTranslation('congress');
  const id = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] }, code: false, codeBlock: false }), Table.configure({ resizable: false }), TableRow, TableHeader, TableCell],
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': `${id}-label`, ...(description ? { 'aria-describedby': `${id}-description` } : {}) } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML(), e.isEmpty || e.getText().trim() === ''),
  });
  // the toolbar follows the cursor (bold here, in a table there) without re-rendering the editor on every keystroke
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? Object.fromEntries(TOOLS.map((tool) => [tool.key, { active: tool.active?.(e) ?? false, enabled: tool.can?.(e) ?? true }])) : {}),
  });
  return (
    <div>
      <Input.Label id={`${id}-label`} required onClick={() => editor?.commands.focus()}>
        {label}
      </Input.Label>
      {description && (
        <Input.Description id={`${id}-description`} mb={4}>
          {description}
        </Input.Description>
      )}
      <div className="rich-text-field">
        <Group gap={2} className="rich-text-toolbar" role="toolbar" aria-label={t('richText.toolbar')} wrap="wrap">
          {TOOLS.map((tool) => {
            const s = state?.[tool.key];
            return (
              <Button
                key={tool.key}
                size="compact-sm"
                variant={s?.active ? 'filled' : 'subtle'}
                color={s?.active ? undefined : 'gray'}
                aria-label={t(`richText.${tool.key}`)}
                title={t(`richText.${tool.key}`)}
                aria-pressed={tool.active ? !!s?.active : undefined}
                disabled={!editor || s?.enabled === false}
                onClick={() => editor && tool.run(editor)}
                fw={tool.key === 'bold' ? 800 : 500}
                fs={tool.key === 'italic' ? 'italic' : undefined}
                td={tool.key === 'underline' ? 'underline' : undefined}
                miw={30}
              >
                {tool.glyph}
              </Button>
            );
          })}
        </Group>
        <EditorContent editor={editor} />
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {t('richText.pasteHint')}
      </Text>
    </div>
  );
}
