export interface TextArticleOptions { url?: string } export function articleFromText(t: string, o?: TextArticleOptions) { return { title: "", text: t, ...o }; }
