// the project is its own git repository (the deploy records its commit), with the file the smoke test looks for
def git = { String... args ->
    def command = ['git', '-c', 'user.name=config-cicd IT', '-c', 'user.email=it@example.com',
                   '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${output}"
}
new File(basedir, '.git').deleteDir()   // a re-run clones over the previous run's repository
new File(basedir, 'build').deleteDir()
new File(basedir, 'configuration/.config-cicd').deleteDir()
new File(basedir, 'healthy').text = 'the service is up\n'
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'initial configuration')
true
