import { useEffect, useMemo } from 'react';
import { Input } from '@mantine/core';
import { getUploadImageExtension, Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import { mergeAttributes, Node, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { notifyFailed } from '../ui/notify.ts';

/**
 * A plain image node (src, alt, title): the knowledge base's own files or https images. The
 * server sanitizes what is saved, so this only has to produce what the sanitizer keeps.
 */
const ArticleImage = Node.create({
  name: 'image',
  group: 'block',
  draggable: true,
  atom: true,
  addAttributes: () => ({ src: { default: null }, alt: { default: null }, title: { default: null } }),
  parseHTML: () => [{ tag: 'img[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['img', mergeAttributes(HTMLAttributes)],
});

interface Props {
  /** Accessible name of the editing area. */
  label: string;
  value: string;
  onChange: (html: string) => void;
  /** Stores an image and returns its address. */
  onUploadImage: (file: File) => Promise<string>;
  id?: string;
}

/** The article body editor (@mantine/tiptap): headings, lists, quotes, links, code, images. */
export function ArticleRichText({ label, value, onChange, onUploadImage, id }: Props) {
  const { t } = useTranslation('knowledge');
  const labels = useMemo<Partial<RichTextEditorLabels>>(
    () => ({
      boldControlLabel: t('editor.rt.bold'),
      italicControlLabel: t('editor.rt.italic'),
      underlineControlLabel: t('editor.rt.underline'),
      strikeControlLabel: t('editor.rt.strike'),
      h2ControlLabel: t('editor.rt.h2'),
      h3ControlLabel: t('editor.rt.h3'),
      bulletListControlLabel: t('editor.rt.bulletList'),
      orderedListControlLabel: t('editor.rt.orderedList'),
      blockquoteControlLabel: t('editor.rt.blockquote'),
      codeControlLabel: t('editor.rt.code'),
      hrControlLabel: t('editor.rt.hr'),
      linkControlLabel: t('editor.rt.link'),
      unlinkControlLabel: t('editor.rt.unlink'),
      undoControlLabel: t('editor.rt.undo'),
      redoControlLabel: t('editor.rt.redo'),
      imageUploadControlLabel: t('editor.rt.image'),
      linkEditorInputLabel: t('editor.rt.linkUrl'),
      linkEditorInputPlaceholder: 'https://…',
      linkEditorExternalLink: t('editor.rt.linkExternal'),
      linkEditorInternalLink: t('editor.rt.linkInternal'),
      linkEditorSave: t('editor.rt.linkSave'),
    }),
    [t],
  );
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: false, heading: { levels: [2, 3, 4] } }),
      Link,
      getUploadImageExtension(ArticleImage, { onImageUpload: (file: File) => onUploadImage(file), onImageUploadError: (_f: File, err: unknown) => notifyFailed(err, t('editor.uploadFailed')) }),
    ],
    content: value,
    editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', ...(id ? { id } : {}), 'data-testid': 'article-body-editor' } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // A value set from outside (a restored revision, another translation): show it
  useEffect(() => {
    if (editor && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  return (
    <Input.Wrapper label={label} labelElement="div">
      <RichTextEditor editor={editor} labels={labels} onImageUpload={onUploadImage} mih={260}>
        <RichTextEditor.Toolbar sticky stickyOffset={0}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.Code />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
            <RichTextEditor.Hr />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
            <RichTextEditor.ImageUpload accept="image/png,image/jpeg,image/gif,image/webp" />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
