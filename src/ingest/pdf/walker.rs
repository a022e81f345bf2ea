//! The text state machine of a PDF content stream: fonts, positions and lines, and
//! the form XObjects a page draws (`Do`), bounded in depth, operations and bytes.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{Decoder, Decoders};
use crate::ingest::limits;

/// Font resource name → how its strings decode.
pub type Fonts<'a> = BTreeMap<Vec<u8>, Rc<Decoder<'a>>>;

/// A form XObject read once per file: its operations, fonts, XObjects and matrix.
struct Form<'a> {
    operations: Vec<Operation>,
    /// The form's own fonts (`None`: it uses those of whatever draws it).
    fonts: Option<Fonts<'a>>,
    xobjects: BTreeMap<Vec<u8>, ObjectId>,
    matrix: Option<[f32; 6]>,
}

/// Forms inside forms deeper than this are not followed.
const MAX_FORM_DEPTH: usize = 8;

/// What a content stream can refer to: its document, fonts and XObjects.
pub struct Scope<'a, 's> {
    pub doc: &'a Document,
    pub fonts: &'s Fonts<'a>,
    pub xobjects: BTreeMap<Vec<u8>, ObjectId>,
}

/// The XObjects named in a resource dictionary.
pub fn xobjects(doc: &Document, resources: &Dictionary) -> BTreeMap<Vec<u8>, ObjectId> {
    let Ok(dict) = resources
        .get_deref(b"XObject", doc)
        .and_then(Object::as_dict)
    else {
        return BTreeMap::new();
    };
    dict.iter()
        .filter_map(|(name, obj)| obj.as_reference().ok().map(|id| (name.clone(), id)))
        .collect()
}

/// Follows the text state through content-stream operations.
#[derive(Default)]
pub struct Walker<'a> {
    /// Text of the current page.
    pub out: String,
    /// Strings shown in fonts without a Unicode mapping.
    pub unmapped: usize,
    /// Font decoders of the file, each built once.
    pub decoders: Decoders<'a>,
    operations: usize,
    /// Forms read so far (`None`: not a readable form), each decoded once per file.
    forms: HashMap<ObjectId, Option<Rc<Form<'a>>>>,
    /// Forms being drawn, innermost last: a form that draws itself is not followed again.
    drawing: Vec<ObjectId>,
    font: Vec<u8>,
    /// Current transformation matrix and its saved copies (`q`/`Q`).
    ctm: [f32; 6],
    saved: Vec<[f32; 6]>,
    /// Text line matrix (only what moves lines: `d`, `e`, `f`) and leading.
    line: [f32; 6],
    leading: f32,
    /// Device y of the line last written to.
    last_y: Option<f32>,
    /// Font size, and the estimated advance of the text since the line matrix was set
    /// (text space units; no glyph widths are read: CJK one em, ASCII half an em).
    font_size: f32,
    advance: f32,
    /// Estimated device x where the text shown last ended.
    last_end_x: Option<f32>,
    /// Text extracted from all pages so far.
    total_bytes: usize,
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: [f32; 6], n: [f32; 6]) -> [f32; 6] {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn numbers(op: &Operation) -> Vec<f32> {
    op.operands
        .iter()
        .filter_map(|o| o.as_float().ok())
        .collect()
}

impl<'a> Walker<'a> {
    /// Walks the operations of one page (its text goes to `out`).
    pub fn page(&mut self, scope: &Scope<'a, '_>, ops: &[Operation]) -> Result<(), String> {
        self.ctm = IDENTITY;
        self.saved.clear();
        self.line = IDENTITY;
        self.last_y = None;
        self.last_end_x = None;
        self.newline();
        self.walk(scope, ops, 0)
    }

    fn walk(
        &mut self,
        scope: &Scope<'a, '_>,
        ops: &[Operation],
        depth: usize,
    ) -> Result<(), String> {
        for op in ops {
            self.operations += 1;
            if self.operations > limits::MAX_PDF_OPERATIONS {
                return Err("PDF too complex (content operation limit reached)".into());
            }
            if op.operator == "Do" {
                if let Some(Ok(name)) = op.operands.first().map(Object::as_name)
                    && let Some(id) = scope.xobjects.get(name)
                    && depth < MAX_FORM_DEPTH
                {
                    self.form(scope, *id, depth)?;
                }
                continue;
            }
            let before = self.out.len();
            self.operation(op, scope.fonts);
            self.total_bytes += self.out.len() - before;
            if self.total_bytes > limits::MAX_TEXT_BYTES {
                return Err("the PDF text exceeds the size limit".into());
            }
        }
        Ok(())
    }

    /// Text inside a form XObject (`Do`), drawn with the form's matrix and resources.
    fn form(&mut self, scope: &Scope<'a, '_>, id: ObjectId, depth: usize) -> Result<(), String> {
        if self.drawing.contains(&id) {
            return Ok(()); // a form that draws itself draws nothing more
        }
        let form = match self.forms.get(&id) {
            Some(form) => form.clone(),
            None => {
                let form = self.read_form(scope.doc, id).map(Rc::new);
                self.forms.insert(id, form.clone());
                form
            }
        };
        let Some(form) = form else {
            return Ok(());
        };
        let inner = Scope {
            doc: scope.doc,
            fonts: form.fonts.as_ref().unwrap_or(scope.fonts),
            xobjects: form.xobjects.clone(),
        };
        let saved = self.ctm;
        if let Some(m) = form.matrix {
            self.ctm = mul(m, self.ctm);
        }
        self.drawing.push(id);
        let result = self.walk(&inner, &form.operations, depth + 1);
        self.drawing.pop();
        self.ctm = saved;
        result
    }

    /// Reads a form XObject (its stream was inflated when the file was loaded).
    fn read_form(&mut self, doc: &'a Document, id: ObjectId) -> Option<Form<'a>> {
        let stream = doc.get_object(id).and_then(Object::as_stream).ok()?;
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice())
            || stream.is_compressed()
        {
            return None;
        }
        let content = Content::decode(&stream.content).ok()?;
        let resources = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok();
        let fonts = resources
            .map(|r| super::font_map(doc, r, &mut self.decoders))
            .filter(|f| !f.is_empty());
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .map(|m| {
                m.iter()
                    .filter_map(|o| o.as_float().ok())
                    .collect::<Vec<_>>()
            })
            .filter(|m| m.len() == 6)
            .map(|m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
        Some(Form {
            operations: content.operations,
            fonts,
            xobjects: resources.map(|r| xobjects(doc, r)).unwrap_or_default(),
            matrix,
        })
    }

    fn operation(&mut self, op: &Operation, fonts: &Fonts) {
        let n = numbers(op);
        match op.operator.as_str() {
            "q" if self.saved.len() < 1024 => self.saved.push(self.ctm),
            "Q" => self.ctm = self.saved.pop().unwrap_or(IDENTITY),
            "cm" if n.len() == 6 => self.ctm = mul([n[0], n[1], n[2], n[3], n[4], n[5]], self.ctm),
            "BT" => (self.line, self.advance) = (IDENTITY, 0.0),
            "Tm" if n.len() == 6 => {
                self.line = [n[0], n[1], n[2], n[3], n[4], n[5]];
                self.advance = 0.0;
            }
            "Td" | "TD" if n.len() == 2 => {
                if op.operator == "TD" {
                    self.leading = -n[1];
                }
                self.line = mul([1.0, 0.0, 0.0, 1.0, n[0], n[1]], self.line);
                self.advance = 0.0;
            }
            "TL" if n.len() == 1 => self.leading = n[0],
            "T*" => self.next_line(),
            "Tf" => {
                if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                    self.font = name.to_vec();
                }
                self.font_size = n.first().copied().unwrap_or(self.font_size).abs();
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" || op.operator == "\"" {
                    self.next_line();
                }
                if let Some(decoder) = fonts.get(&self.font) {
                    self.show(op, decoder);
                }
            }
            _ => {}
        }
    }

    fn next_line(&mut self) {
        self.line = mul([1.0, 0.0, 0.0, 1.0, 0.0, -self.leading], self.line);
        self.advance = 0.0;
    }

    /// Device position (x, y) of the current text point, and the device size of one em.
    fn position(&self) -> (f32, f32, f32) {
        let m = mul(
            mul([1.0, 0.0, 0.0, 1.0, self.advance, 0.0], self.line),
            self.ctm,
        );
        (m[4], m[5], self.font_size * m[3].abs().max(m[0].abs()))
    }

    /// Decodes one string and returns its estimated width in ems.
    fn put(&mut self, decoder: &Decoder, bytes: &[u8]) -> f32 {
        let before = self.out.len();
        decoder.decode(bytes, &mut self.out);
        self.out[before..]
            .chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum()
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn show(&mut self, op: &Operation, decoder: &Decoder) {
        if matches!(decoder, Decoder::Unmapped) {
            self.unmapped += 1;
            return;
        }
        let (x, y, em) = self.position();
        let same_line = self.last_y.is_some_and(|last| (last - y).abs() <= 1.0);
        if !same_line {
            self.newline();
        } else if self.last_end_x.is_some_and(|end| x - end > 1.5 * em)
            && !self.out.ends_with(char::is_whitespace)
        {
            // A wide jump along the line separates table cells and columns.
            self.out.push(' ');
        }
        self.last_y = Some(y);
        let string = match op.operator.as_str() {
            "\"" => op.operands.get(2),
            _ => op.operands.first(),
        };
        let mut ems = 0.0;
        match string {
            Some(Object::String(bytes, _)) => ems += self.put(decoder, bytes),
            Some(Object::Array(items)) => {
                for item in items {
                    match item {
                        Object::String(bytes, _) => ems += self.put(decoder, bytes),
                        other => {
                            let gap = other.as_float().unwrap_or(0.0);
                            ems -= gap / 1000.0;
                            // A wide gap between Latin words stands for a space.
                            if gap < -250.0
                                && self.out.ends_with(|c: char| c.is_ascii_alphanumeric())
                            {
                                self.out.push(' ');
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        self.advance += ems * self.font_size;
        self.last_end_x = Some(self.position().0);
    }
}
