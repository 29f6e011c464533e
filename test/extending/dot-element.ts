// docs/extending.md's worked element kind, the model side: in src/ this interface goes in src/model/label.ts and
// joins the LabelElement union (`| DotElement`); the layout module places it and the render module draws it.
/** A filled disc whose bounding square is `diameter` dots. */
export interface DotElement {
  kind: 'dot'
  x: number
  y: number
  width: number
  height: number
  diameter: number
}
