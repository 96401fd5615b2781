//! Typed indices into the model, so that a section index cannot be used as a table's or a
//! version's: `doc.sections[section_id]`, `doc.rules[row_id]`, `article.versions[version_id]`.

use serde::Serialize;

macro_rules! index {
    ($(#[$doc:meta] $name:ident => $item:ty;)*) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(usize);

        impl $name {
            /// The index for position `i`.
            pub const fn new(i: usize) -> Self {
                $name(i)
            }

            /// The position it stands for.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every index of a list of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
                (0..len).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, i: $name) -> &$item {
                &self[i.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, i: $name) -> &mut $item {
                &mut self[i.0]
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, i: $name) -> &$item {
                &self[i.0]
            }
        }
    )*};
}

index! {
    /// A section of a document: index into [`Document::sections`](crate::document::Document::sections).
    SectionId => crate::document::Section;
    /// A table of a document: index into [`Document::tables`](crate::document::Document::tables).
    TableId => crate::document::Table;
    /// A table row, that is a rule, of a document: index into [`Document::rules`](crate::document::Document::rules).
    RowId => crate::document::Rule;
    /// A fact of a document: index into [`Document::facts`](crate::document::Document::facts).
    FactId => crate::fact::Fact;
    /// A version of an article: index into [`Article::versions`](crate::corpus::Article::versions).
    VersionId => crate::corpus::Version;
}

/// The position of `item` among the items of `slice` by address, for indices recovered from
/// references (`None` when it is not an element of `slice`).
pub fn position_of<T>(slice: &[T], item: &T) -> Option<usize> {
    slice.iter().position(|x| std::ptr::eq(x, item))
}
