/**
 * The help center's stylesheet: readable type, a single column on phones, visible focus, and
 * contrast that passes WCAG AA with the default brand colour. `--brand` is set per page.
 */
export const helpCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.muted{color:#57606a}
header.site{background:var(--brand);color:#fff;padding:1rem 1rem 1.5rem}
header.site a{color:#fff}
.bar{max-width:60rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none;display:flex;align-items:center;gap:.5rem}
.brand .muted{color:#fff;font-weight:400;opacity:.95}
.logo{height:2rem;width:auto}
header nav ul,footer nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header nav a{text-decoration:none;padding:.25rem 0;border-bottom:2px solid transparent}
header nav a[aria-current="page"],header nav a:hover{border-bottom-color:#fff}
form.search{max-width:60rem;margin:1rem auto 0;display:flex;gap:.5rem}
form.search input{flex:1;min-width:0;font:inherit;padding:.6rem .8rem;border:1px solid #d0d7de;border-radius:6px}
button,.button{font:inherit;padding:.55rem 1rem;border-radius:6px;border:1px solid #1f2328;background:#fff;color:#1f2328;cursor:pointer;text-decoration:none;display:inline-block}
form.search button{border-color:#fff}
main{display:block;max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
main:focus{outline:none}
h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.25rem}
.card h2,.card h3{font-size:1.1rem;margin:0 0 .25rem}
.card p{margin:.25rem 0 0}
.list{list-style:none;padding:0;margin:0;background:#fff;border:1px solid #d0d7de;border-radius:8px}
.list li{padding:.8rem 1.1rem;border-top:1px solid #eaeef2}
.list li:first-child{border-top:0}
.list a{font-weight:600}
.list p{margin:.2rem 0 0;color:#424a53}
mark{background:#fff3bf;color:inherit;padding:0 .1em}
nav.crumbs ol{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.95rem}
nav.crumbs li+li::before{content:"›";margin-right:.25rem;color:#57606a}
article.content{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.25rem 1.5rem}
article.content img{max-width:100%;height:auto}
article.content table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
article.content td,article.content th{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left}
article.content pre{overflow-x:auto;background:#f6f8fa;padding:.75rem;border-radius:6px}
.notice{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.6rem .9rem;margin:0 0 1rem}
.feedback{margin-top:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.25rem}
.feedback form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.feedback p{margin:0 0 .5rem;font-weight:600}
footer.site{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 2rem;border-top:1px solid #d0d7de}
footer.site a[aria-current="true"]{font-weight:700;color:#1f2328}
@media (max-width:40rem){body{font-size:16px}h1{font-size:1.5rem}article.content{padding:1rem}}
`;
