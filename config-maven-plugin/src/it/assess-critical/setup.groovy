// a real git repository in the cloned project: the configuration as committed, then a second commit that turns
// multi-factor authentication off for every environment (security.** is CRITICAL)
def git = { String... args ->
    def command = ['git', '-c', 'user.name=config-cicd IT', '-c', 'user.email=it@example.com',
                   '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
}
new File(basedir, '.git').deleteDir()   // a re-run clones over the previous run's repository
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'initial configuration')

def base = new File(basedir, 'configuration/global/base.yaml')
base.text = base.text.replace('mfa_required: true', 'mfa_required: false')
git('commit', '-q', '-a', '-m', 'turn MFA off')
true
